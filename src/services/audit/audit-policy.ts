import type { AuditAction } from '../../domain/audit/audit-actions';

/**
 * Which API calls are recorded in the audit trail, under which action code, about which subject
 * and with which detail. Extractors pick named fields only: passwords, e-voucher tokens,
 * written opinions and patient data are never copied (the detail is masked once more when it
 * is written). `output` is absent when the call was refused or failed.
 */
export interface AuditRule {
  action: AuditAction | ((input: unknown) => AuditAction);
  subject?: (input: unknown, output: unknown) => string | null;
  detail?: (input: unknown, output: unknown) => Record<string, unknown>;
}

type Scalar = string | number | boolean | null;

/** obj.a.b… as a scalar, or null when absent or not a scalar. */
export function pick(obj: unknown, ...keys: string[]): Scalar {
  let v: unknown = obj;
  for (const k of keys) {
    if (v === null || typeof v !== 'object') return null;
    v = (v as Record<string, unknown>)[k];
  }
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : null;
}

const str = (v: Scalar): string | null => (v === null ? null : String(v));
const first = (...vs: Scalar[]): string | null => str(vs.find((v) => v !== null) ?? null);

/** Output fields (when present) and input fields under the same names. */
const fields =
  (outKeys: string[], inKeys: string[] = []) =>
  (input: unknown, output: unknown): Record<string, unknown> => {
    const d: Record<string, unknown> = {};
    for (const k of inKeys) if (pick(input, k) !== null) d[k] = pick(input, k);
    for (const k of outKeys) if (pick(output, k) !== null) d[k] = pick(output, k);
    return d;
  };

const strings = (v: unknown): string[] | null =>
  Array.isArray(v) && v.every((x) => typeof x === 'string') ? v : null;

/** R-LAYOUT: which unread layout fields the pharmacist confirmed (groups), as asked and as stored. */
function layoutConfirmationOf(input: unknown, output: unknown): Record<string, unknown> {
  const asked = strings((input as { layoutConfirmed?: unknown } | null)?.layoutConfirmed);
  const stored = (output as { layoutConfirmation?: Record<string, unknown> | null } | null)
    ?.layoutConfirmation;
  const d: Record<string, unknown> = {};
  if (asked) d.layoutConfirmed = asked;
  if (stored) {
    d.layoutUnread = strings(stored.unread) ?? [];
    d.layoutConfirmedGroups = strings(stored.confirmedGroups) ?? [];
    d.layoutConfirmedAt = stored.confirmedAt ?? null;
  }
  return d;
}

const rxOf = (input: unknown, output: unknown) =>
  first(pick(output, 'hiRxno'), pick(input, 'hiRxno'));
const dispensingSubject = (input: unknown, output: unknown) =>
  first(pick(output, 'hiRxno'), pick(input, 'hiRxno')) ??
  `调剂#${pick(input, 'dispensingId') ?? '?'}`;
const settlementSubject = (input: unknown, output: unknown) =>
  first(pick(output, 'hiRxno')) ??
  (pick(input, 'settlementId') !== null
    ? `结算#${pick(input, 'settlementId')}`
    : `调剂#${pick(input, 'dispensingId') ?? '?'}`);

export const AUDIT_POLICY: Readonly<Record<string, AuditRule>> = {
  'auth.login': {
    action: 'auth.login',
    detail: (_i, o) => (o ? { centerSignedIn: pick(o, 'center', 'signNo') !== null } : {}),
  },
  'auth.logout': { action: 'auth.logout' },
  'shift.open': {
    action: 'shift.open',
    subject: (_i, o) => first(pick(o, 'shiftId')),
    detail: fields(['shiftId', 'pharmacistCode']),
  },
  'shift.close': {
    action: 'shift.close',
    subject: (_i, o) => first(pick(o, 'shiftId')),
    detail: fields(['shiftId', 'pharmacistCode']),
  },
  'review.submit': {
    action: (i) => (pick(i, 'result') === 'reject' ? 'review.reject' : 'review.pass'),
    subject: rxOf,
    detail: (i, o) => ({
      ...fields(['reviewId', 'statusCode'], ['result'])(i, o),
      dualChannel: pick(i, 'dualChannel', 'identityChecked') !== null,
      suspect: pick(i, 'suspect', 'reason') !== null,
      ...layoutConfirmationOf(i, o),
    }),
  },
  'dispense.start': {
    action: 'dispense.start',
    subject: dispensingSubject,
    detail: fields(['dispensingId', 'state'], ['dispensingId']),
  },
  'dispense.complete': {
    action: 'dispense.complete',
    subject: dispensingSubject,
    detail: fields(['state'], ['dispensingId']),
  },
  'dispense.cancel': {
    action: 'dispense.cancel',
    subject: dispensingSubject,
    detail: fields(['state'], ['dispensingId']),
  },
  'settle.confirm': {
    action: 'settle.confirm',
    subject: settlementSubject,
    detail: fields(['settlementId', 'state', 'setlId'], ['dispensingId']),
  },
  'settle.resolveUnknown': {
    action: 'settle.resolve',
    subject: settlementSubject,
    detail: fields(['state', 'setlId'], ['settlementId']),
  },
  'refund.start': {
    action: 'refund.start',
    subject: settlementSubject,
    detail: fields(['state'], ['settlementId', 'reason']),
  },
  'sale.selfPay': {
    action: 'sale.selfPay',
    subject: (_i, o) => (pick(o, 'saleId') === null ? null : `自费#${pick(o, 'saleId')}`),
    detail: (i, o) => {
      const items = (i as { items?: Array<{ medListCodg: string; codes: unknown[] }> }).items ?? [];
      return {
        ...fields(['saleId'])(i, o),
        totalFen: pick(o, 'total', 'fen'),
        lines: items.map((it) => ({ medListCodg: it.medListCodg, packs: it.codes.length })),
      };
    },
  },
  'stock.receive': {
    action: 'stock.receive',
    subject: (i) => first(pick(i, 'medListCodg')),
    detail: fields(['batchId'], ['batchNo', 'expiry', 'packs', 'invoiceNo']),
  },
  'stock.returnToSupplier': {
    action: 'stock.return',
    subject: (i) => `批次#${pick(i, 'batchId')}`,
    detail: fields(['packsOnHand'], ['batchId', 'packs', 'reason']),
  },
  'stock.adjust': {
    action: 'stock.adjust',
    subject: (i) => `批次#${pick(i, 'batchId')}`,
    detail: fields(['packsOnHand'], ['batchId', 'deltaPacks', 'reason', 'memo']),
  },
  'stock.stocktake': { action: 'stock.stocktake', detail: fields(['batches', 'msgid']) },
  'settings.setRegion': {
    action: 'settings.region',
    subject: (i) => first(pick(i, 'regionId')),
    detail: fields(['previousRegionId'], ['regionId']),
  },
  'paper.capture': {
    action: 'paper.capture',
    subject: (i, o) =>
      pick(o, 'id') === null ? first(pick(i, 'serialNo')) : `纸质#${pick(o, 'id')}`,
    detail: fields(['id'], ['institutionCode', 'serialNo', 'rxDate']),
  },
  'paper.export': {
    action: 'paper.export',
    subject: (i) => `${pick(i, 'from')}~${pick(i, 'to')}`,
    detail: fields(['count', 'fileName', 'size', 'sm3'], ['from', 'to']),
  },
  'reports.export': {
    action: 'report.export',
    subject: (i) => first(pick(i, 'report')),
    detail: fields(['fileName', 'bytes', 'sm3'], ['from', 'to', 'format']),
  },
  'outbox.requeue': {
    action: 'outbox.requeue',
    subject: (i) => `上传#${pick(i, 'id')}`,
  },
  'audit.verify': {
    action: 'audit.verify',
    detail: (_i, o) => ({
      ok: pick(o, 'ok'),
      entries: pick(o, 'entries'),
      firstBrokenSeq: pick(o, 'firstBroken', 'seq'),
      anchor: pick(o, 'anchor', 'status'),
      witnessSeq: pick(o, 'witness', 'seq'),
      witness: pick(o, 'witness', 'status'),
    }),
  },
};
