import type {
  DispensingState,
  PaperConfirmationState,
  PaperStatus,
  SettlementState,
} from '../domain/lifecycle/states';
import type { PaperFinding } from '../domain/paper/paper-types';

/** Output types of the paper-prescription methods (contract-paper.ts). */

export type { PaperFinding } from '../domain/paper/paper-types';

/** captured: archived, waiting for the dispense area; dispensed: taken by a dispensing. */
export type { PaperStatus };

export interface PaperLineView {
  lineNo: number;
  medListCodg: string;
  genname: string;
  spec: string;
  unit: string;
  quantity: number;
  days: number;
  dualChannel: boolean;
}

/** The pharmacist's decision on a capture (R-PHARMACIST); only a confirmed one is dispensed. */
export interface PaperConfirmationView {
  state: PaperConfirmationState;
  /** 待药师确认 / 药师已确认 / 药师已退回 */
  label: string;
  /** Staff id of the pharmacist who decided; null while pending. */
  by: number | null;
  /** Beijing time yyyy-MM-dd HH:mm:ss; null while pending. */
  at: string | null;
  /** Why it was sent back. */
  reason: string | null;
}

export interface PaperView {
  id: number;
  /** Always 'paper': how the dispense/settlement path tells it from an e-prescription. */
  kind: 'paper';
  status: PaperStatus;
  confirmation: PaperConfirmationView;
  /** Its latest dispensing and settlement, as in PaperListItem. */
  sale: PaperSaleView | null;
  /** 已归档待调剂 / 已调剂 */
  statusLabel: string;
  institutionCode: string;
  institutionName: string;
  serialNo: string;
  rxDate: string;
  physicianName: string;
  /** The ID number is masked; the full number stays in the archive (export for inspectors). */
  patient: { name: string; certnoMasked: string };
  longRx: boolean;
  lines: PaperLineView[];
  /** SM3 recorded at capture; verified against the stored bytes on this read (R-PAPER-KEEP). */
  image: { sm3: string; mime: string; size: number; verified: true };
  regionId: string;
  /** Warnings found at capture (blocks refuse the capture, so none are archived). */
  warnings: PaperFinding[];
  capturedBy: number;
  /** Beijing time yyyy-MM-dd HH:mm:ss. */
  capturedAt: string;
  /** The archive may not be deleted before this Beijing time (R-KEEP). */
  retainedUntil: string;
}

/** How far a paper prescription got on the shared dispense/settle path. */
export interface PaperSaleView {
  dispensingId: number;
  dispensingState: DispensingState;
  settlementId: number | null;
  settlementState: SettlementState | null;
  /** 调剂中 / 已调剂待结算 / 已结算 / 结算结果待确认 / 退费处理中 / 已退费 */
  label: string;
}

export interface PaperListItem {
  id: number;
  status: PaperStatus;
  confirmation: PaperConfirmationView;
  /** Its latest dispensing (a cancelled one only when there is no other); null before any. */
  sale: PaperSaleView | null;
  institutionCode: string;
  institutionName: string;
  serialNo: string;
  rxDate: string;
  patientName: string;
  certnoMasked: string;
  /** Generic names of the lines, joined with 、 */
  drugs: string;
  capturedAt: string;
}

export interface PaperSearchResult {
  total: number;
  page: number;
  pageSize: number;
  items: PaperListItem[];
}

export interface PaperCheckResult {
  /** No blocking finding: capture would be accepted. */
  accepted: boolean;
  findings: PaperFinding[];
  /** The earlier prescription with the same institution and serial number (R-PAPER-NO). */
  earlier: PaperListItem | null;
}

export interface PaperImageView {
  id: number;
  sm3: string;
  mime: string;
  base64: string;
}

/**
 * The inspection archive of a period as one zip (images/, index.json, index.csv, summary.pdf,
 * manifest.json with every entry's size and SM3), saved on the counter.
 */
export interface PaperExportResult {
  fileName: string;
  /** Where the zip was saved on the counter (<dataDir>/exports). */
  path: string;
  from: string;
  to: string;
  count: number;
  /** Bytes of the zip. */
  size: number;
  /** SM3 of the whole zip, to be handed over with it. */
  sm3: string;
  /** Largest zip returned for a browser download (bytes). */
  downloadLimit: number;
  /** The zip for a browser download; null when larger than downloadLimit (take it from path). */
  base64: string | null;
}

/** The folder a document scanner saves into (R-PAPER-KEEP capture source). */
export interface PaperScanFolder {
  folder: string;
  /** The default <dataDir>/scans, not a folder an administrator chose. */
  isDefault: boolean;
}

export interface PaperScanFile {
  name: string;
  size: number;
  mime: 'image/jpeg' | 'image/png' | 'application/pdf';
  /** Beijing time yyyy-MM-dd HH:mm:ss of the last change. */
  modifiedAt: string;
}

export interface PaperScanList extends PaperScanFolder {
  /** Newest first. */
  files: PaperScanFile[];
}

export interface PaperScanImage {
  name: string;
  mime: string;
  size: number;
  base64: string;
}

export interface PaperDrugOption {
  medListCodg: string;
  genname: string;
  spec: string;
  unit: string;
  dualChannel: boolean;
  /** Chinese class labels (excluded classes, 双通道). */
  tags: string[];
  /** 冷链 storage range (°C); receiving records the arrival temperature (R-SUPPLY). */
  coldChain: { minC: number; maxC: number } | null;
}

/** How one archive entry compares with the store's index at its archiving counter (D56). */
export type PaperIndexCheck = 'match' | 'mismatch' | 'missing';

/** One entry of the store-wide paper archive index (store mode, D56); no patient data. */
export interface PaperStoreIndexEntry {
  /** <institution>-<serial> */
  key: string;
  counterId: string;
  /** the archiving counter's paper number */
  localId: number;
  capturedAt: string;
  rxDate: string;
  imageSm3: string;
  recordSm3: string;
  capturedBy: string;
  state: 'captured' | 'dispensed';
  stateLabel: string;
  /** archived at this counter: its image and record hashed again and compared with the index */
  here: boolean;
  verification: { image: PaperIndexCheck; record: PaperIndexCheck; label: string } | null;
}

export interface PaperStoreIndexView {
  total: number;
  page: number;
  pageSize: number;
  entries: PaperStoreIndexEntry[];
}
