import type { PaperSourceView } from '../../contract/types-dispense';
import type {
  PaperConfirmationView,
  PaperListItem,
  PaperSaleView,
  PaperView,
} from '../../contract/types-paper';
import {
  PAPER_CONFIRMATION_LABELS,
  PAPER_STATUS_LABELS,
} from '../../domain/lifecycle/state-labels';
import type { SettlementState } from '../../domain/lifecycle/states';
import { maskIdNumber } from '../../domain/mask';
import { isMtClaim } from '../../domain/paper/mt-claim';
import { retainedUntil } from '../../domain/paper/paper-dates';
import type { PaperFields, PaperFinding } from '../../domain/paper/paper-types';
import { formatBeijingDateTime } from '../../domain/policy/beijing-time';
import type { PaperRecord } from '../../store/paper-repository';
import type { PaperSaleRow } from '../../store/paper-sale-repository';

/**
 * The checkable fields of an archived paper prescription (signature and stamp were confirmed at
 * capture; a 门特 self-pay purchase and the patient's consent are in its archived findings).
 */
export const paperFieldsOf = (r: PaperRecord): PaperFields => ({
  ...(isMtClaim(JSON.parse(r.warnings) as PaperFinding[])
    ? { chronicSpecial: true, selfPayConsent: true }
    : {}),
  institutionCode: r.institutionCode,
  institutionName: r.institutionName,
  serialNo: r.serialNo,
  rxDate: r.rxDate,
  physicianName: r.physicianName,
  patientName: r.patientName,
  patientCertno: r.patientCertno,
  longRx: r.longRx,
  signatureConfirmed: true,
  stampConfirmed: true,
  lines: r.lines.map((l) => ({ medListCodg: l.medListCodg, quantity: l.quantity, days: l.days })),
});

const DISPENSING_LABELS = {
  open: '调剂中',
  completed: '已调剂，待结算',
  cancelled: '调剂已取消',
  returned: '已退费',
} as const;

const SETTLEMENT_LABELS: Partial<Record<SettlementState, string>> = {
  settling: '结算结果待确认',
  outcome_unknown: '结算结果待确认',
  settled: '已结算',
  refunding: '退费处理中',
  refund_unknown: '退费处理中',
  refunded: '已退费',
};

export function toPaperSaleView(row: PaperSaleRow | undefined): PaperSaleView | null {
  if (!row) return null;
  const settlementState = (row.settlementState as SettlementState | null) ?? null;
  const settled = settlementState ? SETTLEMENT_LABELS[settlementState] : undefined;
  return {
    dispensingId: row.dispensingId,
    dispensingState: row.dispensingState,
    settlementId: row.settlementId,
    settlementState,
    label: settled ?? DISPENSING_LABELS[row.dispensingState],
  };
}

function confirmationOf(r: PaperRecord): PaperConfirmationView {
  const c = r.confirmation;
  return {
    state: c.state,
    label: PAPER_CONFIRMATION_LABELS[c.state],
    by: c.by,
    at: c.at === null ? null : formatBeijingDateTime(new Date(c.at)),
    reason: c.reason,
  };
}

/** What the archive shows as a record's state: the pharmacist's decision until it is confirmed. */
const statusLabelOf = (r: PaperRecord) =>
  r.confirmation.state === 'confirmed'
    ? PAPER_STATUS_LABELS[r.status]
    : PAPER_CONFIRMATION_LABELS[r.confirmation.state];

export function toPaperView(r: PaperRecord, sale: PaperSaleView | null = null): PaperView {
  return {
    id: r.id,
    kind: 'paper',
    status: r.status,
    confirmation: confirmationOf(r),
    sale,
    statusLabel: statusLabelOf(r),
    institutionCode: r.institutionCode,
    institutionName: r.institutionName,
    serialNo: r.serialNo,
    rxDate: r.rxDate,
    physicianName: r.physicianName,
    patient: { name: r.patientName, certnoMasked: maskIdNumber(r.patientCertno) },
    longRx: r.longRx,
    lines: r.lines.map((l) => ({ ...l })),
    image: { sm3: r.imageSm3, mime: r.imageMime, size: r.imageSize, verified: true },
    regionId: r.regionId,
    warnings: JSON.parse(r.warnings) as PaperFinding[],
    capturedBy: r.capturedBy,
    capturedAt: formatBeijingDateTime(new Date(r.createdAt)),
    retainedUntil: formatBeijingDateTime(new Date(retainedUntil(r.createdAt))),
  };
}

export function toPaperListItem(r: PaperRecord, sale: PaperSaleView | null = null): PaperListItem {
  return {
    id: r.id,
    status: r.status,
    confirmation: confirmationOf(r),
    sale,
    institutionCode: r.institutionCode,
    institutionName: r.institutionName,
    serialNo: r.serialNo,
    rxDate: r.rxDate,
    patientName: r.patientName,
    certnoMasked: maskIdNumber(r.patientCertno),
    drugs: r.lines.map((l) => l.genname).join('、'),
    capturedAt: formatBeijingDateTime(new Date(r.createdAt)),
  };
}

/** How dispensing and settlement views name a paper prescription: institution and serial. */
export const paperSourceOf = (r: PaperRecord): PaperSourceView => ({
  id: r.id,
  institutionCode: r.institutionCode,
  institutionName: r.institutionName,
  serialNo: r.serialNo,
});
