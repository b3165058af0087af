import type { AppErrorShape } from '../domain/errors';
import type { LayoutMask } from '../domain/layout/mask-personal';
import type { RxLiveState } from '../domain/lifecycle/rx-live-state';
import type { InsuranceNotice } from '../domain/settlement/insurance-standing';
import type { Role } from '../domain/staff';

/** Every API call answers with this envelope on both transports (IPC and HTTP). */
export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };

export interface AppInfo {
  version: string;
  mode: 'desktop' | 'browser';
  /** True when talking to the embedded sandbox center rather than a real one. */
  sandbox: boolean;
  pharmacy: { code: string; name: string; admdvs: string };
}

export interface SessionInfo {
  token: string;
  staff: { id: number; username: string; displayName: string; role: Role; roleLabel: string };
  center: CenterSignIn;
  /** The password is a temporary one from an administrator: change it before anything else. */
  mustChangePassword: boolean;
}

export interface CenterSignIn {
  /** Sign-in number from 9001; null when the center could not be reached at log-in. */
  signNo: string | null;
  signTime: string | null;
  /** Chinese explanation when signNo is null. */
  error: string | null;
}

export interface InsuredPerson {
  psnNo: string;
  name: string;
  /** Masked: 5001**********1234 */
  certnoMasked: string;
  gender: string;
  age: number;
  birthday: string;
  insutypes: Array<{
    insutype: string;
    label: string;
    psnType: string;
    balanceFen: number;
    insuplcAdmdvs: string;
    status: string;
  }>;
  /** Which credential found the person: 01 e-voucher, 02 ID card, 03 social-security card. */
  certType: '01' | '02' | '03';
  /** Shown in red at identification: not insured in force, insured in another pool area. */
  insuranceNotices: InsuranceNotice[];
}

export interface OutboxStatus {
  pending: number;
  parked: number;
  delivered: number;
  oldestPendingAgeMs: number | null;
  lastError: string | null;
  /** Open while the worker gives a failing center a rest (see circuit-breaker.ts). */
  circuit: { state: 'closed' | 'open' | 'half-open'; retryInMs: number | null };
  /** Whether the center answers at all, from every exchange with it (医保中心离线). */
  center: { offline: boolean; failingForMs: number | null; lastFailure: string | null };
}

/** One finding that blocks or warns, always with its rule and citation (shown in red/amber). */
export interface RuleFinding {
  ruleId: string;
  code: string;
  severity: 'block' | 'warn';
  /** Chinese, specific. */
  message: string;
  /** e.g. 渝医保办〔2023〕70号 §二(三)2 */
  citation: string;
}

/** A prescription the center offers for this patient (7202), or the one a QR points to (7201). */
export interface RxCandidate {
  hiRxno: string;
  fixmedinsName: string;
  prscTime: string;
  deptName: string;
  diagName: string;
  validEndTime: string;
  statusName: string;
  /** Pass back to rx.download; single-use. */
  ticket: { epcToken: string } | { authRxno: string };
  /** Already downloaded to this counter. */
  downloaded: boolean;
  /** The last digits of the prescription number, to tell two rows of one visit apart. */
  rxnoTail: string;
  /** Drug names, known once downloaded (7202 lists none). */
  drugs: string[];
}

export interface RxCertificateInfo {
  serial: string;
  subject: string;
  issuer: string;
  notBefore: string;
  notAfter: string;
  institution: string;
}

export interface RxDrugLineView {
  medListCodg: string;
  genname: string;
  spec: string;
  dosform: string;
  /** Packs prescribed, as the prescription states it. */
  quantity: string;
  unit: string;
  /** 用法用量, e.g. 口服 每次1片 每日一次 7天 */
  usage: string;
  days: number | null;
  /** Chinese labels of the catalog classes (excluded classes, 双通道). */
  tags: string[];
  dualChannel: boolean;
}

export type LayoutOutcome = 'matches' | 'differs' | 'unread';
export type LayoutGroup = 'rx' | 'patient' | 'prescriber' | 'drugs';

export interface LayoutComparison {
  /** `hiRxno`, or `drug.1` for a drug line. */
  key: string;
  label: string;
  group: LayoutGroup;
  /** From the structured data (masked where personal). */
  structured: string;
  /** Read from the layout file; null when it could not be read there. */
  inFile: string | null;
  /** Page of the layout file it was read on. */
  page: number | null;
  outcome: LayoutOutcome;
}

/** R-LAYOUT: per field, and overall (differs when any differs, else unread when any is). */
/** The layout file for the viewer, and where its personal data is drawn over masked (PDF user space). */
export interface LayoutFileView {
  pdfBase64: string;
  masks: LayoutMask[];
}

export interface LayoutSummary {
  fields: LayoutComparison[];
  outcome: LayoutOutcome;
  /** What the pharmacist must confirm by reading the file: groups with an unread field. */
  unreadGroups: Array<{ group: LayoutGroup; name: string; labels: string[] }>;
  /** The file could not be opened at all. */
  readError: string | null;
}

export interface SignatureCheck {
  /** Local: chain + CRL + SM2 signature + digests (center-protocol §3). */
  local: { valid: boolean; code: string; message: string };
  /** 7205 at the center: passed / failed, or not reachable right now. */
  center: {
    state: 'passed' | 'failed' | 'unreachable';
    message: string;
    verifySn: string | null;
  };
  cert: RxCertificateInfo | null;
  /** Structured fields that differ from the signed original (tampering). */
  alteredFields: string[];
  checkedAt: string;
}

export interface PrescriptionView {
  hiRxno: string;
  rxTraceCode: string;
  fixmedinsCode: string;
  fixmedinsName: string;
  prscTime: string;
  uploadTime: string;
  validEndTime: string;
  longRx: boolean;
  status: { codg: string; name: string };
  patient: { name: string; certnoMasked: string };
  doctorName: string;
  deptName: string;
  /** 门诊慢特病 patient's approved “双通道”药品使用申请表 number (R-DUAL-FIX); null when none. */
  dualChannelApplyNo: string | null;
  hospitalPharmacist: string;
  diagnosis: string;
  lines: RxDrugLineView[];
  signature: SignatureCheck;
  layout: LayoutSummary;
  policy: { regionId: string; regionName: string };
  /** Everything that blocks review and settlement, and warnings; empty blockers = may review. */
  findings: RuleFinding[];
  /** True only when local verification passed, the center did not refuse, and nothing blocks. */
  reviewable: boolean;
  /** The one live status at this counter (review, dispensing, settlement) and the next step. */
  live: RxLiveState;
  /** The patient's insurance as 1101 last answered (identification or download), in red. */
  insuranceNotices: InsuranceNotice[];
  downloadedAt: string;
}

export interface RxListItem {
  hiRxno: string;
  fixmedinsName: string;
  patientName: string;
  prscTime: string;
  statusName: string;
  reviewable: boolean;
  live: RxLiveState;
  downloadedAt: string;
  /** Drugs, prescriber and the number's last digits: rows of one patient told apart. */
  drugs: string[];
  doctorName: string;
  rxnoTail: string;
}

export interface RegionSettings {
  regionId: string;
  regions: Array<{ id: string; name: string }>;
  /** After a change: the region pack it replaced (the audit trail records both, R-REGION). */
  previousRegionId?: string;
}

export type { InsuranceNotice };
