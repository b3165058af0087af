/** Kinds of difference a day's reconciliation (对账, R-RECON) can list. */
export type ReconDifferenceKind =
  | 'missing_at_center'
  | 'missing_locally'
  | 'amount_mismatch'
  | 'upload_not_delivered';

export interface ReconDifference {
  kind: ReconDifferenceKind;
  /** Chinese label of the kind. */
  kindLabel: string;
  setlId: string | null;
  hiRxno: string | null;
  /** The outbox msgid, for an upload not delivered. */
  msgid: string | null;
  /** What differs and what to do, in Chinese, with the rule id. */
  message: string;
}

export interface ReconSide {
  settlements: number;
  medfeeFen: number;
}

/** A period's reconciliation: 3201 on the totals, 3202 settlement by settlement (R-RECON). */
export interface ReconPeriodView {
  /** yyyy-MM-dd, Beijing time, both included. */
  from: string;
  to: string;
  local: ReconSide;
  center: ReconSide;
  /** The center's verdict on the totals (3201 stmt_rslt 0 对平). */
  totalsBalanced: boolean;
  /** The center's words on the totals. */
  totalsText: string;
  differences: ReconDifference[];
  /** True when nothing differs, in the totals or in any settlement. */
  balanced: boolean;
  /** Where the center's side came from. */
  source: string;
}

export interface ReconDayView extends ReconPeriodView {
  /** yyyy-MM-dd, Beijing time. */
  date: string;
}

/** The per-prescription export of a period (CSV, UTF-8 with BOM). */
export interface ReconExportResult {
  fileName: string;
  path: string;
  mime: string;
  bytes: number;
  sm3: string;
  base64: string;
  rows: number;
}
