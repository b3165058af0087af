import type {
  PaperRxRow,
  RefusalRow,
  RxLineRow,
  SupplyMark,
  SupplyNames,
  SupplySeries,
} from '../domain/risk/rows';
import type { Db } from './database';

/** Completed e-prescription dispensings of [start, end) (dispensings_completed_by_time, migration 10). */
const E_DISPENSED = `d.state = 'completed' AND d.completed_at >= @start AND d.completed_at < @end
  AND d.hi_rxno IS NOT NULL`;

/** Paper prescriptions archived in [start, end) (paper_by_created index). */
const PAPER_IN_PERIOD = 'p.created_at >= @start AND p.created_at < @end';

interface Period {
  start: number;
  end: number;
}

/**
 * The rows the risk signals are computed from (R-RISK), each query bounded by the period on an
 * index. E-prescription dispensings come from dispensings (hi_rxno set); paper prescriptions
 * from the paper archive, whatever their dispensing status.
 */
export class RiskRepository {
  private readonly eCount;
  private readonly paperRows;
  private readonly eLineRows;
  private readonly paperLineRows;
  private readonly eSupplyRows;
  private readonly paperSupplyRows;
  private readonly names;
  private readonly refusalRows;

  constructor(db: Db) {
    this.eCount = db.prepare(`SELECT count(*) FROM dispensings d WHERE ${E_DISPENSED}`).pluck();
    this.paperRows = db.prepare(
      `SELECT p.id, p.institution_code AS institutionCode, p.institution_name AS institutionName,
         p.serial_no AS serialNo, p.rx_date AS rxDate, p.physician_name AS physicianName,
         p.patient_name AS patientName, p.patient_certno AS patientCertno, p.long_rx AS longRx,
         p.status, p.created_at AS createdAt
       FROM paper_prescriptions p
       WHERE ${PAPER_IN_PERIOD}`,
    );
    // Large lines: the e-prescription ones found on rx_supply_facts (a scan of its covering
    // index), then read in full; each part in the order the signal lists ties in.
    this.eLineRows = db.prepare(
      `SELECT 'e' AS source, d.hi_rxno AS ref, s.completed_at AS at, d.patient_name AS patientName,
         s.certno, coalesce(f.fixmedins_name, '') AS institutionName, s.med_list_codg AS medListCodg,
         l.genname, s.packs, s.days, coalesce(f.long_rx, 0) AS longRx
       FROM rx_supply_facts s
       JOIN dispensings d ON d.id = s.dispensing_id
       JOIN dispensing_lines l ON l.dispensing_id = s.dispensing_id AND l.line_no = s.line_no
       LEFT JOIN rx_risk_facts f ON f.hi_rxno = d.hi_rxno
       WHERE s.completed_at >= @start AND s.completed_at < @end
         AND (s.packs > @packs OR s.days > @days)
       ORDER BY s.completed_at, s.dispensing_id, s.line_no`,
    );
    this.paperLineRows = db.prepare(
      `SELECT 'paper' AS source, p.serial_no AS ref, p.created_at AS at, p.patient_name AS patientName,
         p.patient_certno AS certno, p.institution_name AS institutionName,
         pl.med_list_codg AS medListCodg, pl.genname, pl.quantity AS packs, pl.days,
         p.long_rx AS longRx
       FROM paper_prescriptions p
       JOIN paper_prescription_lines pl ON pl.paper_id = p.id
       WHERE ${PAPER_IN_PERIOD}
         AND (pl.quantity > @packs OR pl.days > @days)
       ORDER BY p.created_at, p.id, pl.line_no`,
    );
    // One row per person and drug, read in rx_supply_facts_by_person_drug order (no sort): the
    // lines as "at,dispensing,line,days" quadruples, so a year costs 28,000 rows, not 300,000.
    this.eSupplyRows = db
      .prepare(
        `SELECT certno, med_list_codg,
           group_concat(completed_at || ',' || dispensing_id || ',' || line_no || ',' || coalesce(days, ''), ',')
         FROM rx_supply_facts
         WHERE completed_at >= @start AND completed_at < @end
         GROUP BY certno, med_list_codg`,
      )
      .raw();
    this.paperSupplyRows = db.prepare(
      `SELECT p.patient_certno AS certno, pl.med_list_codg AS medListCodg, p.id, pl.line_no AS lineNo,
         p.created_at AS at, pl.days
       FROM paper_prescriptions p
       JOIN paper_prescription_lines pl ON pl.paper_id = p.id
       WHERE ${PAPER_IN_PERIOD}
       ORDER BY p.created_at, p.id, pl.line_no`,
    );
    this.names = {
      e: db.prepare('SELECT patient_name FROM dispensings WHERE id = ?').pluck(),
      paper: db.prepare('SELECT patient_name FROM paper_prescriptions WHERE id = ?').pluck(),
      eDrug: db
        .prepare('SELECT genname FROM dispensing_lines WHERE dispensing_id = ? AND line_no = ?')
        .pluck(),
      paperDrug: db
        .prepare('SELECT genname FROM paper_prescription_lines WHERE paper_id = ? AND line_no = ?')
        .pluck(),
    };
    this.refusalRows = db.prepare(
      `SELECT r.at, r.channel, r.dispensing_id AS dispensingId, d.hi_rxno AS hiRxno, r.code,
         r.pack_key AS packKey, r.med_list_codg AS medListCodg, r.reason, r.rule_id AS ruleId,
         coalesce(s.display_name, '') AS staffName
       FROM scan_refusals r
       LEFT JOIN dispensings d ON d.id = r.dispensing_id
       LEFT JOIN staff s ON s.id = r.staff_id
       WHERE r.at >= @start AND r.at < @end`,
    );
  }

  eRxDispensed(p: Period): number {
    return this.eCount.get(p) as number;
  }

  paper(p: Period): PaperRxRow[] {
    return (this.paperRows.all(p) as Array<Omit<PaperRxRow, 'longRx'> & { longRx: number }>).map(
      (r) => ({
        ...r,
        longRx: r.longRx === 1,
      }),
    );
  }

  /** Lines above the lowest of the limits (the domain decides each line exactly). */
  largeLineCandidates(p: Period, atLeast: { packs: number; days: number }): RxLineRow[] {
    const q = { ...p, ...atLeast };
    return [...this.eLineRows.all(q), ...this.paperLineRows.all(q)].map((r) => {
      const row = r as Omit<RxLineRow, 'longRx'> & { longRx: number };
      return { ...row, longRx: row.longRx === 1 };
    });
  }

  /**
   * Every dispensing line of [start, end) per person and drug: completed e-prescription
   * dispensings (rx_supply_facts), then the paper prescriptions archived in the period.
   */
  supply(p: Period): SupplySeries[] {
    const byPair = new Map<string, SupplySeries>();
    for (const [certno, medListCodg, packed] of this.eSupplyRows.all(p) as Array<
      [string, string, string]
    >) {
      byPair.set(`${certno}\u0000${medListCodg}`, {
        certno,
        medListCodg,
        marks: unpackMarks(packed),
      });
    }
    for (const r of this.paperSupplyRows.all(p) as Array<
      Omit<SupplyMark, 'source'> & { certno: string; medListCodg: string }
    >) {
      const key = `${r.certno}\u0000${r.medListCodg}`;
      const mark: SupplyMark = {
        source: 'paper',
        id: r.id,
        lineNo: r.lineNo,
        at: r.at,
        days: r.days,
      };
      const series = byPair.get(key);
      if (series) series.marks.push(mark);
      else byPair.set(key, { certno: r.certno, medListCodg: r.medListCodg, marks: [mark] });
    }
    return [...byPair.values()];
  }

  /** Patient and drug names of a supply mark, read by primary key. */
  supplyNames(): SupplyNames {
    const n = this.names;
    return {
      patientName: (m) => (m.source === 'e' ? n.e : n.paper).get(m.id) as string,
      genname: (m) => (m.source === 'e' ? n.eDrug : n.paperDrug).get(m.id, m.lineNo) as string,
    };
  }

  refusals(p: Period): RefusalRow[] {
    return this.refusalRows.all(p) as RefusalRow[];
  }
}

/**
 * "at,dispensing,line,days" quadruples (days empty when unknown) back into marks. Read digit by
 * digit: splitting a year of them into strings costs more than the query.
 */
function unpackMarks(packed: string): SupplyMark[] {
  const marks: SupplyMark[] = [];
  let i = 0;
  const next = (): number | null => {
    let value = 0;
    let sign = 1;
    const from = i;
    for (; i < packed.length; i++) {
      const c = packed.charCodeAt(i);
      if (c === COMMA) break;
      if (c === MINUS) sign = -1;
      else value = value * 10 + (c - ZERO);
    }
    const empty = i === from;
    i++;
    return empty ? null : sign * value;
  };
  let ordered = true;
  while (i < packed.length) {
    const at = next() as number;
    const id = next() as number;
    const lineNo = next() as number;
    const prev = marks.at(-1);
    if (prev && byTimeAndLine(prev, { at, id, lineNo }) > 0) ordered = false;
    marks.push({ source: 'e', at, id, lineNo, days: next() });
  }
  // group_concat follows the index in practice, but SQLite does not promise it
  return ordered ? marks : marks.sort(byTimeAndLine);
}

type LineOrder = Pick<SupplyMark, 'at' | 'id' | 'lineNo'>;
const byTimeAndLine = (a: LineOrder, b: LineOrder) =>
  a.at - b.at || a.id - b.id || a.lineNo - b.lineNo;

const COMMA = 44;
const MINUS = 45;
const ZERO = 48;
