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

  it('round-trips a prescription, file bytes included; a re-check changes only its verdict and status [R-CENTER][R-KEEP]', () => {
    repo.archive(rx());
    repo.recordCheck('500000202611230000000001', {
      ...rx({ statusName: '已审核', statusCodg: '2', epcToken: 't2', checkedAt: 5 }),
    });
    const got = repo.get('500000202611230000000001');
    expect(got).toMatchObject({
      statusName: '已审核',
      epcToken: 't2',
      checkedAt: 5,
      downloadedAt: 1,
    });
    expect(got?.rxFile.toString()).toBe('%PDF-1.4');
    expect(repo.recent()).toHaveLength(1);
  });

  it('the database keeps an archived e-prescription: no second archive, no rewrite of its content, no delete [R-KEEP]', () => {
    repo.archive(rx());
    expect(() => repo.archive(rx({ patientName: '李四', downloadedAt: 2 }))).toThrow(/UNIQUE/);
    const rewrite = (column: string, value: unknown) => () =>
      db
        .prepare(`UPDATE prescriptions SET ${column} = ? WHERE hi_rxno = ?`)
        .run(value, rx().hiRxno);
    for (const [column, value] of [
      ['patient_name', '李四'],
      ['certno', '500103199001011234'],
      ['reply', '{"data":{}}'],
      ['rx_file', Buffer.from('%PDF-1.7')],
      ['prsc_time', '2026-11-24 09:00:00'],
      ['downloaded_at', 2],
    ] as const) {
      expect(rewrite(column, value)).toThrow(/R-KEEP：已存档的电子处方内容不得修改/);
    }
    expect(() => db.prepare('DELETE FROM prescriptions').run()).toThrow(
      /R-KEEP：电子处方须存档备查/,
    );
    expect(repo.get(rx().hiRxno)).toMatchObject({ patientName: '张伟', downloadedAt: 1 });
  });

  it('the database refuses to store as verified what failed any check [R-SIGN][ST-EPC-02-008]', () => {
    const bads = [
      { localValid: false, localCode: 'SIGNATURE_INVALID' },
      { centerState: 'failed' as const },
      { alteredFields: ['patnName'] },
    ];
    bads.forEach((bad, i) => {
      const hiRxno = `50000020261123000000001${i}`;
      expect(() => repo.archive(rx({ ...bad, hiRxno }))).toThrow(/CHECK constraint/);
      expect(() => repo.archive(rx({ ...bad, hiRxno, verification: 'failed' }))).not.toThrow();
      expect(() => repo.recordCheck(hiRxno, rx({ ...bad, verification: 'verified' }))).toThrow(
        /CHECK constraint/,
      );
    });
    expect(() => repo.archive(rx({ centerState: 'unreachable' }))).not.toThrow();
  });
});
