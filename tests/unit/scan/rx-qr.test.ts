import { describe, expect, it } from 'vitest';
import { classifyScan, RX_QR_PREFIX } from '../../../src/domain/scan/classify';

/** The scans' moment: fixes the century of GS1 two-digit years. */
const NOW = new Date('2026-06-01T12:00:00+08:00');

const QR = `${RX_QR_PREFIX}0A1B2C3D4E5F6G7H8J9K`;

describe('prescription QR classification', () => {
  it('recognises EPCQR01 + a 20-character trace code as a prescription QR [R-CENTER][ST-EPC-02-001]', () => {
    expect(QR).toHaveLength(27);
    expect(classifyScan(QR, NOW)).toEqual({ kind: 'rx-qr', text: QR });
    expect(classifyScan(`  ${QR} `, NOW)).toEqual({ kind: 'rx-qr', text: QR });
  });

  it('does not take a wrong length or prefix for a prescription QR [R-CENTER]', () => {
    expect(classifyScan(QR.slice(0, 26), NOW).kind).toBe('evoucher');
    expect(classifyScan(`${QR}Z`, NOW).kind).toBe('evoucher');
    expect(classifyScan(`EPCQR02${QR.slice(7)}`, NOW).kind).toBe('evoucher');
    expect(classifyScan(QR.toLowerCase(), NOW).kind).toBe('evoucher');
  });

  it('keeps e-vouchers and traceability codes apart from prescription QRs [R-AUTH][R-TRACE]', () => {
    expect(classifyScan('500000ecxxkncfa2f8udkelatt5liiofycm3a3', NOW).kind).toBe('evoucher');
    expect(classifyScan('81234567890123456789', NOW).kind).toBe('traceability');
  });

  it('rejects a prescription QR with padding or script inside it [ARCH]', () => {
    expect(classifyScan(`${RX_QR_PREFIX} 0A1B2C3D4E5F6G7H8J9K`, NOW).kind).toBe('unknown');
    expect(classifyScan(`${QR}<script>`, NOW)).toMatchObject({
      kind: 'rejected',
      reason: 'script',
    });
  });
});
