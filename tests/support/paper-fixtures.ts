import { randomBytes } from 'node:crypto';
import { idNumberCheckChar } from '../../src/domain/paper/id-number';

/** A valid 18-digit ID number from 17 digits. */
export const idNumber = (first17: string) => `${first17}${idNumberCheckChar(first17)}`;

/** Today's date in Beijing, yyyy-MM-dd. */
export const beijingToday = (at = new Date()) =>
  new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

/** A PNG of `size` bytes: the signature, then random bytes (unique content, unique SM3). */
export function fakePng(size = 2048): Buffer {
  const bytes = randomBytes(size);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(bytes);
  return bytes;
}

export const AMLODIPINE = 'XC08CAA010A001010201587';
export const METFORMIN = 'XA10BAA115A001010104107';
export const DIAZEPAM = 'XN05BAD010A001010101086';
export const OSIMERTINIB = 'XL01EBA110A001010101911';

let serial = Date.now() % 1_000_000;
export const nextSerial = () => `ZX${String(serial++).padStart(8, '0')}`;

export function paperFields(over: Record<string, unknown> = {}) {
  return {
    institutionCode: 'H50010300001',
    institutionName: '沙箱示范医院（渝中）',
    serialNo: nextSerial(),
    rxDate: beijingToday(),
    physicianName: '李医生',
    patientName: '王小明',
    patientCertno: idNumber('50010319800101123'),
    longRx: false,
    signatureConfirmed: true,
    stampConfirmed: true,
    lines: [{ medListCodg: AMLODIPINE, quantity: 2, days: 28 }],
    ...over,
  };
}
