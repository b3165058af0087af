import { beforeEach, describe, expect, it } from 'vitest';
import { type Db, openDatabase } from '../../../src/store/database';
import {
  PrescriptionRepository,
  type StoredPrescription,
} from '../../../src/store/prescription-repository';
import { StaffRepository } from '../../../src/store/staff-repository';

describe('PrescriptionRepository', () => {
  let db: Db;
  let repo: PrescriptionRepository;
  let staffId: number;
  beforeEach(() => {
    db = openDatabase(':memory:');
    repo = new PrescriptionRepository(db);
    staffId = new StaffRepository(db).create({
      username: 'yaoshi',
      displayName: '张药师',
      role: 'pharmacist',
      pharmacistCode: 'Y500103000123',
      passwordHash: 'h',
    }).id;
  });

  const rx = (over: Partial<StoredPrescription> = {}): StoredPrescription => ({
    hiRxno: '500000202611230000000001',
    rxTraceCode: 'ABCDEFGHJK0123456789',
    fixmedinsCode: 'H50010300001',
    fixmedinsName: '沙箱示范医院',
    patientName: '张伟',
    certno: '500103197803151238',
    prscTime: '2026-11-23 09:00:00',
    statusCodg: '1',
    statusName: '有效',
    epcToken: 't',
    reply: { data: { hi_rxno: '500000202611230000000001' } },
    rxFile: Buffer.from('%PDF-1.4'),
    localValid: true,
    localCode: 'OK',
    localReason: '验证通过',
    certInfo: { serial: '01' },
    alteredFields: [],
    centerState: 'passed',
    centerMessage: '通过',
    rxSignVerifySn: 'V1',
    verification: 'verified',
    downloadedBy: staffId,
    downloadedAt: 1,
    checkedAt: 1,
    ...over,
  });

  it('round-trips a prescription, file bytes included; a re-download replaces it [R-CENTER]', () => {
    repo.save(rx());
    repo.save(rx({ statusName: '已审核', statusCodg: '2', downloadedAt: 2 }));
    const got = repo.get('500000202611230000000001');
    expect(got?.statusName).toBe('已审核');
    expect(got?.rxFile.toString()).toBe('%PDF-1.4');
    expect(repo.recent()).toHaveLength(1);
  });

  it('the database refuses to store as verified what failed any check [R-SIGN][ST-EPC-02-008]', () => {
    for (const bad of [
      { localValid: false, localCode: 'SIGNATURE_INVALID' },
      { centerState: 'failed' as const },
      { alteredFields: ['patnName'] },
    ]) {
      expect(() => repo.save(rx(bad))).toThrow(/CHECK constraint/);
      expect(() => repo.save(rx({ ...bad, verification: 'failed' }))).not.toThrow();
    }
    expect(() => repo.save(rx({ centerState: 'unreachable' }))).not.toThrow();
  });
});
