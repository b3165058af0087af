import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../src/store/database';
import { DispensingRepository } from '../../../src/store/dispensing-repository';
import { SaleReturnRepository } from '../../../src/store/sale-return-repository';
import { addPrescription, at, seedDb, setOnHand } from '../reports/report-seed';

const A = 'XC08CAA010A001010201587';
const CODE = '81234567890123456789';

/** Migration 21: dispensing records and stock movements cannot be rewritten (R-KEEP). */
describe('records that cannot be rewritten', () => {
  let db: Db;
  let dispensings: DispensingRepository;
  const run =
    (sql: string, ...args: unknown[]) =>
    () =>
      db.prepare(sql).run(...args);

  beforeEach(() => {
    db = seedDb();
    setOnHand(db, A, 10);
    dispensings = new DispensingRepository(db);
  });
  afterEach(() => db.close());

  const batch = () =>
    db.prepare('SELECT id FROM stock_batches WHERE med_list_codg = ?').pluck().get(A) as number;

  function openWithCode(): number {
    const id = dispensings.create(
      {
        hiRxno: addPrescription(db),
        paperId: null,
        reviewedBy: null,
        certno: '500103199001011234',
        patientName: '患者',
        staffId: 1,
        startedAt: at('2025-03-01 09:00:00'),
      },
      [
        {
          lineNo: 1,
          medListCodg: A,
          genname: '氨氯地平',
          splitPack: false,
          unitsPerPack: null,
          qtyPrescribed: 2,
          qtyUnit: '盒',
          packsPrescribed: 2,
          qtyDispensed: 0,
          days: 14,
        },
      ],
    );
    const scan = (code: string, packNo: number) =>
      dispensings.addCode(id, {
        lineNo: 1,
        code,
        kind: 'trace20',
        raw: code,
        packNo,
        units: null,
        reusedPack: false,
        scannedAt: at('2025-03-01 09:01:00'),
      });
    scan(CODE, 1);
    scan('81234567890123456780', 2);
    return id;
  }

  it('an open dispensing still takes its scans, removals and stock; once completed its lines, codes and stock taken are the record [R-KEEP][R-TRACE-ONCE]', () => {
    const id = openWithCode();
    // while open: a wrong scan is taken off and the packs renumbered, stock allocated
    expect(dispensings.removeCode(id, '81234567890123456780')).toBe(true);
    dispensings.setDispensed(id, 1, 1);
    dispensings.addAllocation(id, 1, batch(), 1);
    dispensings.complete(id, at('2025-03-01 09:05:00'));

    const refusals = [
      run('UPDATE dispensing_lines SET qty_dispensed = 2 WHERE dispensing_id = ?', id),
      run("UPDATE dispensing_lines SET genname = '他药' WHERE dispensing_id = ?", id),
      run('DELETE FROM dispensing_lines WHERE dispensing_id = ?', id),
      run("UPDATE dispensing_codes SET code = '89999999999999999999' WHERE dispensing_id = ?", id),
      run('UPDATE dispensing_codes SET pack_no = 2 WHERE dispensing_id = ?', id),
      run('DELETE FROM dispensing_codes WHERE dispensing_id = ?', id),
      run('UPDATE dispensing_allocations SET packs = 2 WHERE dispensing_id = ?', id),
      run('DELETE FROM dispensing_allocations WHERE dispensing_id = ?', id),
      run("UPDATE dispensings SET patient_name = '李四' WHERE id = ?", id),
      run('UPDATE dispensings SET completed_at = completed_at + 1 WHERE id = ?', id),
      run('UPDATE dispensings SET ended_at = ended_at + 1 WHERE id = ?', id),
      run(
        "UPDATE dispensings SET state = 'open', completed_at = NULL, ended_at = NULL WHERE id = ?",
        id,
      ),
      run('DELETE FROM dispensings WHERE id = ?', id),
    ];
    for (const refused of refusals) expect(refused).toThrow(/R-KEEP/);
    expect(dispensings.codes(id).map((c) => [c.code, c.packNo])).toEqual([[CODE, 1]]);
    expect(dispensings.lines(id)[0]).toMatchObject({ genname: '氨氯地平', qtyDispensed: 1 });
    expect(dispensings.allocations(id)).toMatchObject([{ packs: 1 }]);

    // the lifecycle's own move after completion still works: a refund returns it
    new SaleReturnRepository(db).returnDispensing(id, at('2025-03-01 10:00:00'));
    expect(dispensings.get(id)?.state).toBe('returned');
    expect(run("UPDATE dispensings SET state = 'completed' WHERE id = ?", id)).toThrow(/R-KEEP/);
  });

  it('a stock batch keeps its drug, number, expiry and receiver; stock and sale upload records are never changed or deleted [R-KEEP][R-STOCK]', () => {
    const id = batch();
    db.prepare('UPDATE stock_batches SET packs_on_hand = packs_on_hand - 1 WHERE id = ?').run(id);
    for (const refused of [
      run("UPDATE stock_batches SET batch_no = 'B2' WHERE id = ?", id),
      run("UPDATE stock_batches SET expiry = '2100-01-01' WHERE id = ?", id),
      run('UPDATE stock_batches SET received_by = 2 WHERE id = ?', id),
      run('UPDATE stock_batches SET packs_received = packs_received - 1 WHERE id = ?', id),
      run('DELETE FROM stock_batches WHERE id = ?', id),
    ]) {
      expect(refused).toThrow(/R-KEEP/);
    }

    db.prepare(
      `INSERT INTO outbox (msgid, channel, infno, body, status, next_attempt_at, created_at, updated_at,
         delivered_at) VALUES ('M3503', 'fsi', '3503', '{}', 'delivered', 0, 0, 0, 0)`,
    ).run();
    db.prepare(
      `INSERT INTO sale_uploads (batch_id, infno, msgid, created_at) VALUES (?, '3503', 'M3503', 0)`,
    ).run(id);
    for (const refused of [
      run("UPDATE sale_uploads SET infno = '3504' WHERE msgid = 'M3503'"),
      run("DELETE FROM sale_uploads WHERE msgid = 'M3503'"),
      run("DELETE FROM outbox WHERE msgid = 'M3503'"),
    ]) {
      expect(refused).toThrow(/R-KEEP/);
    }
  });
});
