import { policyOf } from '../../contract/contract';
import type { AuditDetailExtra, Audited, AuditSubject } from '../../contract/method-policy';
import type { AuditAction } from '../../domain/audit/audit-actions';

/**
 * How one API call is recorded in the audit trail: its contract entry's audit declaration
 * (src/contract/method-policy.ts) applied. Extractors pick named fields only: passwords,
 * e-voucher tokens, written opinions and patient data are never copied (the detail is masked
 * once more when it is written). `output` is absent when the call was refused or failed.
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
  (outKeys: readonly string[], inKeys: readonly string[] = []) =>
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

const SUBJECTS: Readonly<Record<AuditSubject, (input: unknown, output: unknown) => string | null>> =
  {
    shift: (_i, o) => first(pick(o, 'shiftId')),
    rx: rxOf,
    dispensing: dispensingSubject,
    settlement: settlementSubject,
    selfPaySale: (_i, o) => (pick(o, 'saleId') === null ? null : `自费#${pick(o, 'saleId')}`),
    drug: (i) => first(pick(i, 'medListCodg')),
    batch: (i) => `批次#${pick(i, 'batchId')}`,
    region: (i) => first(pick(i, 'regionId')),
    paper: (i, o) => {
      const id = first(pick(o, 'id'), pick(i, 'id'), pick(i, 'paperId'));
      return id === null ? first(pick(i, 'serialNo')) : `纸质#${id}`;
    },
    dateRange: (i) => `${pick(i, 'from')}~${pick(i, 'to')}`,
    report: (i) => first(pick(i, 'report')),
    outboxItem: (i) => `上传#${pick(i, 'id')}`,
    person: (_i, o) => first(pick(o, 'psnNo')),
    complaint: (i, o) => `投诉举报#${pick(o, 'id') ?? pick(i, 'id') ?? '?'}`,
    delivery: (i) => `配送#${pick(i, 'orderId')}`,
    staff: (i, o) =>
      first(pick(o, 'username'), pick(i, 'username')) ?? `员工#${pick(i, 'id') ?? '?'}`,
  };

const EXTRAS: Readonly<
  Record<AuditDetailExtra, (input: unknown, output: unknown) => Record<string, unknown>>
> = {
  login: (_i, o) => (o ? { centerSignedIn: pick(o, 'center', 'signNo') !== null } : {}),
  review: (i, o) => ({
    dualChannel: pick(i, 'dualChannel', 'identityChecked') !== null,
    suspect: pick(i, 'suspect', 'reason') !== null,
    ...layoutConfirmationOf(i, o),
  }),
  selfPayLines: (i, o) => {
    const items = (i as { items?: Array<{ medListCodg: string; codes: unknown[] }> }).items ?? [];
    return {
      totalFen: pick(o, 'total', 'fen'),
      lines: items.map((it) => ({ medListCodg: it.medListCodg, packs: it.codes.length })),
    };
  },
  resultCount: (_i, o) => (Array.isArray(o) ? { found: o.length } : {}),
  /** Which criteria a search used, never their values (names, ID numbers). */
  searchCriteria: (i, o) => ({
    criteria: Object.keys((i as Record<string, unknown> | null) ?? {}).filter(
      (k) => !['page', 'pageSize'].includes(k),
    ),
    ...(pick(o, 'total') === null ? {} : { total: pick(o, 'total') }),
  }),
  verifyResult: (_i, o) => ({
    ok: pick(o, 'ok'),
    entries: pick(o, 'entries'),
    firstBrokenSeq: pick(o, 'firstBroken', 'seq'),
    anchor: pick(o, 'anchor', 'status'),
    witnessSeq: pick(o, 'witness', 'seq'),
    witness: pick(o, 'witness', 'status'),
  }),
};

function ruleOf(policy: Audited): AuditRule {
  const { actionWhen, subject, detail } = policy;
  const extra = detail?.extra ? EXTRAS[detail.extra] : null;
  return {
    action: actionWhen
      ? (input) =>
          pick(input, actionWhen.field) === actionWhen.equals ? actionWhen.action : policy.action
      : policy.action,
    ...(subject ? { subject: SUBJECTS[subject] } : {}),
    ...(detail
      ? {
          detail: (input: unknown, output: unknown) => ({
            ...fields(detail.output ?? [], detail.input ?? [])(input, output),
            ...extra?.(input, output),
          }),
        }
      : {}),
  };
}

/** The audit rule of a contract method, or null when its entry says it is not audited. */
export function auditRuleOf(method: string): AuditRule | null {
  const audit = policyOf(method)?.audit;
  return audit?.audited ? ruleOf(audit) : null;
}
