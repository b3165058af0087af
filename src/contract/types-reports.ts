/** Output types of the manager's reports (contract-reports.ts). Money in fen, dates yyyy-MM-dd. */

export type ReportId =
  | 'settlements-daily'
  | 'dispensing-by-drug'
  | 'catalog-coverage'
  | 'outbox-health'
  | 'flowed-prices';

export type ReportExportFormat = 'csv' | 'xlsx' | 'pdf';

/** Inclusive local calendar dates. */
export interface ReportPeriod {
  from: string;
  to: string;
}

/** One day of insured settlements (fund vs the patient's own share) and self-pay sales. */
export interface DailySettlementRow {
  date: string;
  settlements: number;
  medfeeFen: number;
  fundFen: number;
  acctFen: number;
  cashFen: number;
  selfPaySales: number;
  selfPayFen: number;
  refunds: number;
  refundedFen: number;
  /** 净额: insured medfee plus self-pay sales, less the refunds answered that day. */
  netFen: number;
}

export interface DailySettlementsReport {
  kind: 'settlements-daily';
  period: ReportPeriod;
  rows: DailySettlementRow[];
  totals: Omit<DailySettlementRow, 'date'>;
}

export interface DrugDispensingRow {
  medListCodg: string;
  genname: string;
  spec: string;
  packUnit: string;
  /** Completed dispensings with this drug (electronic and paper). */
  prescriptions: number;
  paperPrescriptions: number;
  packs: number;
  amountFen: number;
}

export interface DispensingByDrugReport {
  kind: 'dispensing-by-drug';
  period: ReportPeriod;
  rows: DrugDispensingRow[];
  totals: { prescriptions: number; packs: number; amountFen: number };
}

export interface CatalogCoverageRow {
  medListCodg: string;
  name: string;
  /** In the medical-insurance drug catalog. */
  listed: boolean;
  packsOnHand: number;
}

/** R-CATALOG: share of stocked varieties that are in the insurance catalog, against 70%. */
export interface CatalogCoverageReport {
  kind: 'catalog-coverage';
  asOf: string;
  stockedVarieties: number;
  listedVarieties: number;
  /** 0..1 */
  share: number;
  /** 0.7 */
  threshold: number;
  meets: boolean;
  rows: CatalogCoverageRow[];
}

export interface OutboxInfnoRow {
  infno: string;
  name: string;
  delivered: number;
  pending: number;
  parked: number;
  /** Mean time from queued to delivered, for items delivered in the period. */
  avgDeliveryMs: number | null;
}

export interface OutboxDayRow {
  date: string;
  queued: number;
  delivered: number;
  parked: number;
}

export interface OutboxHealthReport {
  kind: 'outbox-health';
  period: ReportPeriod;
  /** Epoch ms the report was computed at. */
  at: number;
  pending: number;
  parked: number;
  oldestPendingAgeMs: number | null;
  byInfno: OutboxInfnoRow[];
  daily: OutboxDayRow[];
}

/** R-PRICE-PUB: current and actually charged prices of drugs sold against outside prescriptions. */
export interface FlowedPriceRow {
  medListCodg: string;
  genname: string;
  spec: string;
  packUnit: string;
  currentPriceFen: number;
  soldPacks: number;
  minSoldFen: number | null;
  maxSoldFen: number | null;
  avgSoldFen: number | null;
}

export interface FlowedPricesReport {
  kind: 'flowed-prices';
  period: ReportPeriod;
  rows: FlowedPriceRow[];
}

export type Report =
  | DailySettlementsReport
  | DispensingByDrugReport
  | CatalogCoverageReport
  | OutboxHealthReport
  | FlowedPricesReport;

export type ReportOf<K extends ReportId> = Extract<Report, { kind: K }>;

/** A written export: saved under <dataDir>/exports and returned for a browser download. */
export interface ReportExportResult {
  fileName: string;
  path: string;
  mime: string;
  bytes: number;
  sm3: string;
  base64: string;
}

/** 日结汇总 (issue 19): one day of this counter, at a shift's close or on demand (R-RECON, R-KEEP). */
export interface DaySummary {
  day: string;
  /** When it was drawn up, yyyy-MM-dd HH:mm:ss. */
  at: string;
  /** The 每日结算报表's totals of the day, from the same queries (no second source of amounts). */
  settlements: DailySettlementsReport['totals'];
  held: DaySummaryHeld[];
  /** Held dispensings neither settled, cancelled nor carried over: the day may not close. */
  openHeld: number;
  /** Uploads not yet delivered, per transaction in plain Chinese. */
  outbox: Array<{ infno: string; name: string; waiting: number; parked: number }>;
  scanRefusals: number;
  paperAwaitingPharmacist: number;
}

/** 已调剂未结算, as the summary lists it: no full prescription number, the patient masked. */
export interface DaySummaryHeld {
  dispensingId: number;
  rxnoTail: string;
  patientMasked: string;
  completedAt: string;
  drugs: string;
  carriedOver: { reason: string; staffName: string; at: string } | null;
}

/** The summary as an A4 PDF (the receipts' CJK font), Base64. */
export interface DaySummaryPdf {
  fileName: string;
  pdfBase64: string;
}
