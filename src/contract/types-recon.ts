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

export interface ReconDayView {
  /** yyyy-MM-dd, Beijing time. */
  date: string;
  local: ReconSide;
  center: ReconSide;
  differences: ReconDifference[];
  /** True when nothing differs. */
  balanced: boolean;
  /** Where the center's side came from (sandbox read routes; a real center: 3201/3202). */
  source: string;
}
