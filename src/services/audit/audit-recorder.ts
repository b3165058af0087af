import type { AuditOutcome } from '../../domain/audit/audit-entry';
import { AppError, type ErrorCode } from '../../domain/errors';
import { auditRuleOf, pick } from './audit-policy';
import type { AuditRecord } from './audit-writer';

/** What the dispatcher knows of a call once it has run (input already validated). */
export interface AuditedCall {
  input: unknown;
  session: { staff: { id: number; username: string } } | null;
  output?: unknown;
  error?: unknown;
}

/** Refusals: the app said no (role, rule, state). */
const REFUSED: ReadonlySet<ErrorCode> = new Set(['FORBIDDEN', 'POLICY', 'CONFLICT']);
/** The action was attempted and did not complete. */
const FAILED: ReadonlySet<ErrorCode> = new Set([
  'CENTER_UNREACHABLE',
  'CENTER_REJECTED',
  'CENTER_BAD_REPLY',
  'INTERNAL',
]);

/**
 * Outcome of a finished call, or null when it is not worth an entry: malformed input and
 * unknown ids are noise, and a call without a valid session has nobody to attribute it to
 * (failed log-ins excepted, which are exactly what the trail must show).
 */
function outcomeOf(method: string, error: unknown): AuditOutcome | null {
  if (error === undefined) return 'ok';
  if (!(error instanceof AppError)) return 'failed';
  if (method === 'auth.login' && error.code === 'UNAUTHENTICATED') return 'refused';
  if (REFUSED.has(error.code) || (error.code === 'VALIDATION' && error.ruleId)) return 'refused';
  if (FAILED.has(error.code)) return 'failed';
  return null;
}

function errorDetail(error: unknown): Record<string, unknown> {
  if (!(error instanceof AppError)) return { error: { code: 'INTERNAL' } };
  return {
    error: {
      code: error.code,
      message: error.message,
      ...(error.ruleId ? { ruleId: error.ruleId } : {}),
    },
  };
}

/** The first-run wizard acts before any account exists; its calls are recorded under this name. */
const SETUP_ACTOR = '首次设置向导';
const isSetupMethod = (method: string) => method.startsWith('setup.');
/** Recorded without a session: log-ins (failed ones above all) and the first-run wizard. */
const sessionless = (method: string) => method === 'auth.login' || isSetupMethod(method);

type StaffLookup = (username: string) => { id: number; username: string } | undefined;

/**
 * Who acted. A failed log-in under a name that is no account keeps only its length: people type
 * their password into the user-name field often enough, and even part of it must not be kept.
 */
function actorOf(method: string, call: AuditedCall, findStaff: StaffLookup) {
  if (call.session)
    return { staffId: call.session.staff.id, username: call.session.staff.username };
  if (isSetupMethod(method)) return { staffId: null, username: SETUP_ACTOR };
  if (method !== 'auth.login') return { staffId: null, username: null };
  const id = pick(call.output, 'staff', 'id');
  const name = pick(call.output, 'staff', 'username');
  if (typeof id === 'number' && typeof name === 'string') return { staffId: id, username: name };
  const typed = String(pick(call.input, 'username') ?? '');
  const known = findStaff(typed);
  return known
    ? { staffId: known.id, username: known.username }
    : { staffId: null, username: `未知用户名（${[...typed].length}位）` };
}

/**
 * The entry an audited call would leave if the process died while it ran: what was asked and by
 * whom, outcome 'interrupted'. Null for calls that are not recorded (or have nobody to name).
 */
export function interruptedRecordOfCall(
  method: string,
  call: AuditedCall,
  findStaff: StaffLookup,
): AuditRecord | null {
  const rule = auditRuleOf(method);
  if (!rule || (!call.session && !sessionless(method))) return null;
  const input = call.input;
  return {
    action: typeof rule.action === 'function' ? rule.action(input) : rule.action,
    outcome: 'interrupted',
    ...actorOf(method, { input, session: call.session }, findStaff),
    subject: rule.subject?.(input, undefined) ?? null,
    detail: rule.detail?.(input, undefined) ?? {},
  };
}

/** The audit record of one API call under its contract entry's audit policy, or null when it is not recorded. */
export function recordOfCall(
  method: string,
  call: AuditedCall,
  findStaff: StaffLookup,
): AuditRecord | null {
  const rule = auditRuleOf(method);
  if (!rule) return null;
  const outcome = outcomeOf(method, call.error);
  if (!outcome) return null;
  if (!call.session && !sessionless(method)) return null;
  const output = call.error === undefined ? call.output : undefined;
  const action = typeof rule.action === 'function' ? rule.action(call.input) : rule.action;
  return {
    action,
    outcome,
    ...actorOf(method, call, findStaff),
    subject: rule.subject?.(call.input, output) ?? null,
    detail: {
      ...(rule.detail?.(call.input, output) ?? {}),
      ...(call.error === undefined ? {} : errorDetail(call.error)),
    },
  };
}
