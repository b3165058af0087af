import type { GuidanceLine } from '../domain/dispense/guidance-line';
import type { ScanRefusalReason } from '../domain/dispense/scan-decision';
import type { RxLiveState } from '../domain/lifecycle/rx-live-state';
import type { DispensingState } from '../domain/lifecycle/states';
import type { RuleId } from '../domain/rules';

/** Output types of the dispensing, stock, history and guidance methods (contract-dispense.ts). */

export type { DispensingState };

/** One pack (or opened pack, for 拆零) whose traceability code was scanned onto a line. */
export interface ScannedCodeView {
  /** Normalised key: 20 digits, `01<GTIN-14>21<serial>` for GS1, or the MA code. */
  code: string;
  kind: 'trace20' | 'gs1' | 'ma';
  /** 1-based pack number within the line. */
  packNo: number;
  /** 拆零: units taken from this pack in this dispensing; null for a whole pack. */
  units: number | null;
  /** 拆零: a pack opened by an earlier sale whose remaining units are used now. */
  reusedPack: boolean;
  scannedAt: string;
}

export interface BatchAllocationView {
  batchNo: string;
  /** yyyy-MM-dd */
  expiry: string;
  packs: number;
}

export interface DispenseLineView {
  lineNo: number;
  medListCodg: string;
  genname: string;
  spec: string;
  packUnit: string;
  /** 拆零 (trdn_flag=1): prescribed in units smaller than a pack. */
  splitPack: boolean;
  /** Units in one pack (from the catalog spec, e.g. 24 for 0.25g*24粒); null when unknown. */
  unitsPerPack: number | null;
  /** As the prescription states it (packs, or units for a split-pack line). */
  quantityPrescribed: number;
  quantityUnit: string;
  /** Packs a whole-pack line needs; for 拆零, packs to open at most (ceil of units / pack). */
  packsPrescribed: number;
  /** Codes scanned so far onto this line. */
  packsScanned: number;
  /** Quantity covered by the scanned codes, in quantityUnit. */
  quantityCovered: number;
  /** Unexpired packs on hand for this drug. */
  stockAvailable: number;
  /** Every pack/unit the line needs has its code (R-TRACE). */
  complete: boolean;
  codes: ScannedCodeView[];
  /** Filled when the dispensing is completed (FEFO). */
  allocations: BatchAllocationView[];
}

/** The paper prescription a dispensing or settlement comes from (R-PAPER-KEEP). */
export interface PaperSourceView {
  id: number;
  institutionCode: string;
  institutionName: string;
  serialNo: string;
}

export interface DispensingView {
  dispensingId: number;
  /** 'paper': an archived paper prescription, dispensed and settled through the same path. */
  source: 'electronic' | 'paper';
  /** The e-prescription's hi_rxno; null for paper. */
  hiRxno: string | null;
  /** The number to show: hi_rxno, or `<institution>-<serial>` for paper. */
  rxno: string;
  /** Filled for paper only. */
  paper: PaperSourceView | null;
  state: DispensingState;
  patient: { name: string; certnoMasked: string };
  staff: { id: number; displayName: string };
  startedAt: string;
  completedAt: string | null;
  lines: DispenseLineView[];
  /** Every line complete: dispense.complete may be called. */
  readyToComplete: boolean;
  /** Completed and handed to the hospital's inpatient settlement (已调剂·随住院结算, D47). */
  withStay: boolean;
  /** An inpatient stay's dual-channel prescription (R-MT-SETTLE): to be handed over, not settled here. */
  settlesWithStay: boolean;
  /** Chinese reasons why completing is not yet possible (missing codes, stock). */
  blockers: string[];
}

/** Where and when a code was sold before (R-TRACE-ONCE). */
export interface EarlierSale {
  soldAt: string;
  /** Which sale path sold the pack: a prescription's dispensing or a self-pay (cash) sale. */
  channel: 'prescription' | 'selfPay';
  /** The prescription number; null for a self-pay sale. */
  hiRxno: string | null;
  dispensingId: number | null;
  selfPaySaleId: number | null;
  /** The sale as staff name it: the prescription number or 自费零售单 Z<id>. */
  saleRef: string;
  genname: string;
  patientMasked: string;
  /** 拆零: the earlier sale opened this pack and units are left in it. */
  unitsLeft: number | null;
}

export type { ScanRefusalReason };

export type ScanVerdict =
  | {
      verdict: 'accepted';
      code: string;
      lineNo: number;
      medListCodg: string;
      genname: string;
      /** Pack n of m on the line. */
      packNo: number;
      packsOnLine: number;
      reusedPack: boolean;
      units: number | null;
      /** Chinese, e.g. 阿莫西林胶囊 第 2/3 盒 已扫码 */
      message: string;
      dispensing: DispensingView;
    }
  | {
      verdict: 'refused';
      code: string;
      reason: ScanRefusalReason;
      ruleId: RuleId | null;
      /** The rule's title and documents by title and section, for the pharmacist to read. */
      citation: string | null;
      /** Chinese, names the drugs involved. */
      message: string;
      /** The drug the code belongs to, when known. */
      scannedDrug: { medListCodg: string; genname: string } | null;
      earlierSale: EarlierSale | null;
      dispensing: DispensingView;
    };

export interface HistoryEntry {
  source: 'local' | 'center';
  /** yyyy-MM-dd HH:mm:ss */
  dispensedAt: string;
  hiRxno: string | null;
  medListCodg: string;
  genname: string;
  quantity: number;
  unit: string;
  daysOfSupply: number | null;
  /** yyyy-MM-dd the supply lasts until; null when days unknown. */
  supplyEnds: string | null;
  /** Supply still lasting today. */
  stillSupplied: boolean;
}

export interface RiskWarning {
  ruleId: RuleId;
  code: 'REPEAT_PURCHASE' | 'OVER_QUANTITY' | 'DUPLICATE_THERAPY' | 'LONG_RX_LIMIT';
  severity: 'warn' | 'block';
  message: string;
  citation: string;
}

export interface HistoryView {
  hiRxno: string;
  patient: { name: string; certnoMasked: string };
  entries: HistoryEntry[];
  warnings: RiskWarning[];
  /** 5205 at the center. */
  center: { state: 'answered' | 'unreachable' | 'refused'; message: string; count: number };
}

export interface StockBatchView {
  batchId: number;
  medListCodg: string;
  genname: string;
  batchNo: string;
  expiry: string;
  packsOnHand: number;
  receivedAt: string;
  expired: boolean;
}

export interface StockItemView {
  medListCodg: string;
  genname: string;
  spec: string;
  packUnit: string;
  /** 处方药 / 甲类非处方药 / 乙类非处方药 / 非药品 (R-GSP-RX). */
  rxClassName: string;
  /** Only OTC and non-drug goods may be sold without a prescription (R-GSP-RX). */
  sellableWithoutPrescription: boolean;
  /** Unexpired packs. */
  packsAvailable: number;
  batches: StockBatchView[];
  /** Retail price of one pack in fen (the catalog's), null for goods not in the catalog. */
  priceFen: number | null;
  /** Traceability product identifiers and GTIN-14s of its packs: a scanned pack names its goods. */
  traceProductIds: string[];
  gtin14s: string[];
}

export type { GuidanceLine };

export interface GuidanceView {
  hiRxno: string;
  patient: { name: string };
  lines: GuidanceLine[];
  /** The whole sheet as plain text for printing. */
  printable: string;
  ruleId: 'R-GUIDE';
}

/** A completed dispensing never settled (待结算): stock is out and its codes are sold. */
export interface HeldDispensingView {
  dispensingId: number;
  source: 'electronic' | 'paper';
  rxno: string;
  patient: { name: string; certnoMasked: string };
  completedAt: string;
  staffName: string;
  /** e.g. 「阿莫西林胶囊」×2盒 */
  drugs: string;
  /** Its live status (已调剂·待结算) and next step, as the prescription header shows it. */
  live: RxLiveState;
}

/** Where a reopened dispensing continues: scanning, or the settlement step. */
export interface ReopenedDispensing {
  step: 'dispense' | 'settle';
  dispensing: DispensingView;
}

/** 撤销调剂: what went back. */
export interface CancelledHeldView {
  dispensingId: number;
  state: DispensingState;
  packs: number;
  codes: number;
}
