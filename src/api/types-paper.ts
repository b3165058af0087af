import type { PaperFinding } from '../domain/paper/paper-types';

/** Output types of the paper-prescription methods (contract-paper.ts). */

export type { PaperFinding } from '../domain/paper/paper-types';

/** captured: archived, waiting for the dispense area; dispensed: taken by a dispensing. */
export type PaperStatus = 'captured' | 'dispensed';

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

export interface PaperView {
  id: number;
  /** Always 'paper': how the dispense/settlement path tells it from an e-prescription. */
  kind: 'paper';
  status: PaperStatus;
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

export interface PaperListItem {
  id: number;
  status: PaperStatus;
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

export interface PaperExportResult {
  dir: string;
  from: string;
  to: string;
  count: number;
  /** Relative to dir: index.json, index.csv, summary.pdf, images/… */
  files: string[];
}

export interface PaperDrugOption {
  medListCodg: string;
  genname: string;
  spec: string;
  unit: string;
  dualChannel: boolean;
  /** Chinese class labels (excluded classes, 双通道). */
  tags: string[];
}
