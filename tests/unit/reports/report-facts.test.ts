import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../../src/services/catalog-loader';
import { buildReport, type ReportSources } from '../../../src/services/reports/build-report';
import type { Db } from '../../../src/store/database';
import { DispensingRepository } from '../../../src/store/dispensing-repository';
import { OutboxReportRepository } from '../../../src/store/outbox-report-repository';
import { ReportRepository } from '../../../src/store/report-repository';
import { SaleReturnRepository } from '../../../src/store/sale-return-repository';
import { SettlementRepository } from '../../../src/store/settlement-repository';
import { addPrescription, at, seedDb, setOnHand } from './report-seed';

const A = 'XC08CAA010A001010201587'; // 苯磺酸氨氯地平片
const B = 'XR06AXL020A001010101672'; // 氯雷他定片
const DAY = '2025-03-01';
const NOW = new Date(at('2025-03-02 12:00:00'));

/**
 * What dispensing-by-drug sums, recomputed from the source tables the slow way (the query the
 * report ran before migration 10 kept dispensed_drug_facts), one row per dispensing and drug;
 * since migration 16 only dispensings with a standing settlement (a held one is not a sale).
 */
const FROM_SOURCES = `
  SELECT d.id AS dispensing_id, l.med_list_codg, d.completed_at, min(l.genname) AS genname,
         max(d.paper_id IS NOT NULL) AS paper,
         coalesce(sum((SELECT sum(a.packs) FROM dispensing_allocations AS a
                        WHERE a.dispensing_id = l.dispensing_id AND a.line_no = l.line_no)), 0) AS packs,
         coalesce(sum((SELECT sum(f.amount_fen) FROM settlements AS s
                         JOIN settlement_fee_lines AS f ON f.settlement_id = s.id
                        WHERE s.dispensing_id = d.id AND f.line_no = l.line_no
                          AND s.state IN ('settled', 'refunding', 'refund_unknown'))), 0) AS amount_fen
    FROM dispensings AS d JOIN dispensing_lines AS l ON l.dispensing_id = d.id AND l.qty_dispensed > 0
   WHERE d.state = 'completed' AND EXISTS (SELECT 1 FROM settlements AS s WHERE s.dispensing_id = d.id
           AND s.state IN ('settled', 'refunding', 'refund_unknown'))
   GROUP BY d.id, l.med_list_codg ORDER BY 1, 2`;

function expectFactsFollowSources(db: Db): void {
  const kept = db
    .prepare(
      `SELECT dispensing_id, med_list_codg, completed_at, genname, paper, packs, amount_fen
         FROM dispensed_drug_facts ORDER BY 1, 2`,
    )
    .all();
  expect(kept).toEqual(db.prepare(FROM_SOURCES).all());
  const staleFeeLines = db
    .prepare(
      `SELECT count(*) FROM settlement_fee_lines AS f JOIN settlements AS s ON s.id = f.settlement_id
        WHERE f.standing_settled_at IS NOT
              CASE WHEN s.state IN ('settled', 'refunding', 'refund_unknown') THEN s.settled_at END`,
    )
    .pluck()
    .get();
  expect(staleFeeLines).toBe(0);
}

describe('report tables kept by the triggers of migration 10', () => {
  let db: Db;
  let src: ReportSources;
  let dispensings: DispensingRepository;
  let settlements: SettlementRepository;
  const report = (id: 'dispensing-by-drug' | 'flowed-prices') =>
    buildReport(src, id, DAY, DAY, NOW);
  const drugRows = () => {
    const r = report('dispensing-by-drug');
    if (r.kind !== 'dispensing-by-drug') throw new Error(r.kind);
    return r.rows.map((x) => [x.medListCodg, x.prescriptions, x.packs, x.amountFen]);
  };
  const priceRows = () => {
    const r = report('flowed-prices');
    if (r.kind !== 'flowed-prices') throw new Error(r.kind);
    return r.rows.map((x) => [x.medListCodg, x.soldPacks, x.minSoldFen, x.maxSoldFen]);
  };

  /** An open dispensing of A×2 (two batches) and 拆零 B×5 tablets (one pack opened). */
  function openDispensing(): number {
    const hiRxno = addPrescription(db);
    const id = dispensings.create(
      {
        hiRxno,
        paperId: null,
        reviewedBy: null,
        certno: '500103199001011234',
        patientName: '患者',
        staffId: 1,
        startedAt: at(`${DAY} 09:00:00`),
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
          days: 7,
        },
        {
          lineNo: 2,
          medListCodg: B,
          genname: '氯雷他定',
          splitPack: true,
          unitsPerPack: 10,
          qtyPrescribed: 5,
          qtyUnit: '片',
          packsPrescribed: 1,
          qtyDispensed: 0,
          days: 5,
        },
      ],
    );
    dispensings.setDispensed(id, 1, 2);
    dispensings.addAllocation(id, 1, batchOf(A), 1);
    dispensings.addAllocation(id, 1, batchOf(A), 1);
    dispensings.setDispensed(id, 2, 5);
    dispensings.addAllocation(id, 2, batchOf(B), 1);
    return id;
  }
  const batchOf = (code: string) =>
    db.prepare('SELECT id FROM stock_batches WHERE med_list_codg = ?').pluck().get(code) as number;

  /** The 2102 of that dispensing: A 2×26.50, B 5×1.82 (per tablet). */
  function recordSettlement(dispensingId: number, hiRxno: string) {
    const detail = [
      {
        feedetl_sn: `${dispensingId}-1`,
        med_list_codg: A,
        cnt: 2,
        pric: 26.5,
        det_item_fee_sumamt: 53,
      },
      {
        feedetl_sn: `${dispensingId}-2`,
        med_list_codg: B,
        cnt: 5,
        pric: 1.82,
        det_item_fee_sumamt: 9.1,
      },
    ];
    return settlements.insert(
      {
        dispensingId,
        hiRxno,
        msgid: `M${dispensingId}`,
        request: JSON.stringify({ infno: '2102', input: { drugdetail: detail } }),
        psnNo: 'P1',
        insutype: '310',
        insuplcAdmdvs: '500103',
        patientName: '患者',
        certno: '500103199001011234',
        staffId: 1,
        medfeeFen: 6210,
      },
      at(`${DAY} 09:20:00`),
    );
  }

  /** A settlement row written in its final state at once (imports, the benchmark's seed). */
  const settledAtOnce = (dispensingId: number, drugdetail: object[], when: string) => {
    const n = db.prepare('SELECT count(*) FROM settlements').pluck().get() as number;
    db.prepare(
      `INSERT INTO settlements (dispensing_id, hi_rxno, state, msgid, request, psn_no, insutype,
         insuplc_admdvs, patient_name, certno, staff_id, medfee_fen, setl_id, mdtrt_id,
         created_at, settled_at, updated_at)
       SELECT id, hi_rxno, 'settled', ?, ?, 'P1', '310', '500103', '患者', certno, 1, 5200,
              ?, ?, ?, ?, ? FROM dispensings WHERE id = ?`,
    ).run(
      `MX${n}`,
      JSON.stringify({ input: { drugdetail } }),
      `S${n}`,
      `D${n}`,
      at(when),
      at(when),
      at(when),
      dispensingId,
    );
  };

  beforeEach(() => {
    db = seedDb();
    setOnHand(db, A, 50);
    setOnHand(db, B, 50);
    dispensings = new DispensingRepository(db);
    settlements = new SettlementRepository(db);
    src = {
      reports: new ReportRepository(db),
      outbox: new OutboxReportRepository(db),
      catalog: loadCatalog(),
    };
  });
  afterEach(() => db.close());

  it('follow a sale from the open dispensing through settling, refund and return [R-RECON][R-PRICE-PUB][R-REVERSE]', () => {
    const id = openDispensing();
    expect(drugRows()).toEqual([]);
    expectFactsFollowSources(db);

    // Completed but not settled (held): not a sale, not a ¥0.00 row (issue 19).
    dispensings.complete(id, at(`${DAY} 09:10:00`));
    expect(drugRows()).toEqual([]);
    expectFactsFollowSources(db);

    const hiRxno = db
      .prepare('SELECT hi_rxno FROM dispensings WHERE id = ?')
      .pluck()
      .get(id) as string;
    const s = recordSettlement(id, hiRxno);
    expect(drugRows()).toEqual([]);
    expect(priceRows()).toEqual([]);

    const amounts = {
      setlId: 'S1',
      mdtrtId: 'D1',
      fundFen: 6000,
      acctFen: 0,
      cashFen: 210,
      reply: {},
      warnMsg: null,
    };
    settlements.settled(s.id, amounts, at(`${DAY} 09:21:00`));
    expect(drugRows()).toEqual([
      [A, 1, 2, 5300],
      [B, 1, 1, 910],
    ]);
    expect(priceRows()).toEqual(
      expect.arrayContaining([
        [A, 2, 2650, 2650],
        [B, 0.5, 1820, 1820],
      ]),
    );
    expectFactsFollowSources(db);

    // A refund asked but not answered: the sale still stands.
    settlements.startRefund(s.id, '患者退药', at(`${DAY} 10:00:00`));
    expect(drugRows()).toEqual([
      [A, 1, 2, 5300],
      [B, 1, 1, 910],
    ]);
    expect(priceRows()).toHaveLength(2);

    settlements.refunded(s.id, {}, at(`${DAY} 10:01:00`));
    expect(drugRows()).toEqual([]);
    expect(priceRows()).toEqual([]);
    expectFactsFollowSources(db);

    new SaleReturnRepository(db).returnDispensing(id, at(`${DAY} 10:02:00`));
    expect(drugRows()).toEqual([]);
    expectFactsFollowSources(db);
  });

  it('keep the facts of a completed dispensing whose lines and allocations cannot be rewritten, and follow a settlement recorded already settled [R-RECON][R-KEEP]', () => {
    const id = openDispensing();
    dispensings.complete(id, at(`${DAY} 09:10:00`));
    settledAtOnce(id, [], `${DAY} 09:15:00`);
    const before = drugRows();
    expect(before).toEqual([
      [A, 1, 2, 0],
      [B, 1, 1, 0],
    ]);
    expect(() => dispensings.addAllocation(id, 1, batchOf(A), 3)).toThrow(/R-KEEP/);
    expect(() => dispensings.setDispensed(id, 2, 0)).toThrow(/R-KEEP/);
    expect(() =>
      db
        .prepare('DELETE FROM dispensing_allocations WHERE dispensing_id = ? AND line_no = 1')
        .run(id),
    ).toThrow(/R-KEEP/);
    expect(drugRows()).toEqual(before);
    expectFactsFollowSources(db);

    // A settlement row written in its final state at once (imports, the benchmark's seed).
    const other = openDispensing();
    dispensings.complete(other, at(`${DAY} 11:00:00`));
    expect(drugRows()).toEqual(before);
    settledAtOnce(
      other,
      [{ feedetl_sn: `${other}-1`, med_list_codg: A, cnt: 2, pric: 26, det_item_fee_sumamt: 52 }],
      `${DAY} 11:05:00`,
    );
    expect(drugRows()).toEqual([
      [A, 2, 4, 5200],
      [B, 2, 2, 0],
    ]);
    expect(priceRows()).toEqual([[A, 2, 2600, 2600]]);
    expectFactsFollowSources(db);
  });
});
