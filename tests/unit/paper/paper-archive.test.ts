import { describe, expect, it } from 'vitest';
import { sm3Hex } from '../../../src/center/crypto';
import { openDatabase } from '../../../src/store/database';
import { PaperRepository } from '../../../src/store/paper-repository';
import { fakePng, idNumber } from '../../support/paper-fixtures';

function archive(createdAt: number) {
  const db = openDatabase(':memory:');
  db.prepare(
    `INSERT INTO staff (id, username, display_name, role, pharmacist_code, password_hash, created_at)
     VALUES (1, 'p', '药师', 'pharmacist', 'Y1', 'x', 0)`,
  ).run();
  const repo = new PaperRepository(db);
  const bytes = fakePng(256);
  const sm3 = sm3Hex(bytes);
  const id = repo.insert(
    {
      institutionCode: 'H50010300001',
      institutionName: '医院',
      serialNo: 'A1',
      rxDate: '2024-01-01',
      physicianName: '医生',
      patientName: '患者',
      patientCertno: idNumber('50010319800101123'),
      longRx: false,
      imageSm3: sm3,
      regionId: '500000',
      warnings: '[]',
      capturedBy: 1,
      createdAt,
      lines: [
        {
          lineNo: 1,
          medListCodg: 'X',
          genname: '药',
          spec: 's',
          unit: '盒',
          quantity: 1,
          days: 7,
          dualChannel: false,
        },
      ],
    },
    { sm3, mime: 'image/png', size: bytes.length, bytes },
  );
  return { db, id, sm3 };
}

describe('paper archive retention triggers', () => {
  it('refuses DELETE and UPDATE of archived content inside 2 years [R-KEEP]', () => {
    const { db, id, sm3 } = archive(Date.now());
    expect(() => db.prepare('DELETE FROM paper_prescriptions WHERE id = ?').run(id)).toThrow(
      /R-KEEP/,
    );
    expect(() =>
      db.prepare('DELETE FROM paper_prescription_lines WHERE paper_id = ?').run(id),
    ).toThrow(/R-KEEP/);
    expect(() =>
      db.prepare("UPDATE paper_prescriptions SET patient_name = '别人' WHERE id = ?").run(id),
    ).toThrow(/R-KEEP/);
    expect(() =>
      db.prepare("UPDATE paper_images SET bytes = x'00' WHERE sm3 = ?").run(sm3),
    ).toThrow(/R-KEEP/);
    expect(() => db.prepare('DELETE FROM paper_images WHERE sm3 = ?').run(sm3)).toThrow(/R-KEEP/);
  });

  it('lets only the status move forward (hand-over to dispensing) [R-PAPER-KEEP]', () => {
    const { db, id } = archive(Date.now());
    db.prepare("UPDATE paper_prescriptions SET status = 'dispensed' WHERE id = ?").run(id);
    expect(() =>
      db.prepare("UPDATE paper_prescriptions SET status = 'captured' WHERE id = ?").run(id),
    ).toThrow(/R-KEEP/);
  });

  it('allows deletion once the 2 years have passed [R-KEEP]', () => {
    const threeYearsAgo = Date.now() - 3 * 366 * 86_400_000;
    const { db, id } = archive(threeYearsAgo);
    db.prepare('DELETE FROM paper_prescription_lines WHERE paper_id = ?').run(id);
    db.prepare('DELETE FROM paper_prescriptions WHERE id = ?').run(id);
    expect(db.prepare('SELECT count(*) AS n FROM paper_prescriptions').get()).toEqual({ n: 0 });
  });
});
