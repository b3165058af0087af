import type { Db } from './database';

/** One traceability-code scan the counter refused (R-TRACE-ONCE, R-RISK). */
export interface ScanRefusalInput {
  at: number;
  channel: 'dispense' | 'self_pay';
  dispensingId: number | null;
  /** The text as scanned. */
  code: string;
  packKey: string | null;
  medListCodg: string | null;
  reason: string;
  ruleId: string | null;
  staffId: number;
}

/** Scanned text longer than this is stored cut (a wedge scanner dumping a whole page). */
const MAX_CODE_CHARS = 200;

export class ScanRefusalRepository {
  private readonly insert;

  constructor(db: Db) {
    this.insert = db.prepare(
      `INSERT INTO scan_refusals (at, channel, dispensing_id, code, pack_key, med_list_codg, reason,
         rule_id, staff_id)
       VALUES (@at, @channel, @dispensingId, @code, @packKey, @medListCodg, @reason, @ruleId, @staffId)`,
    );
  }

  record(r: ScanRefusalInput): void {
    this.insert.run({ ...r, code: storedText(r.code, r.packKey) });
  }
}

/**
 * A traceability code is kept as scanned (the risk signal counts repeats of it); text that is
 * no pack code at all, such as an e-voucher scanned at the wrong moment, keeps only its start
 * and length so no personal token lands in the record.
 */
function storedText(raw: string, packKey: string | null): string {
  const text = raw.trim();
  if (text === '') return '(空)';
  if (packKey !== null) return text.slice(0, MAX_CODE_CHARS);
  return text.length <= 4 ? text : `${text.slice(0, 4)}…（共${text.length}字符）`;
}
