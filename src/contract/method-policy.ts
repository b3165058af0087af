import type { AuditAction } from '../domain/audit/audit-actions';
import type { RuleId } from '../domain/rules';
import type { Role } from '../domain/staff';

/**
 * What each contract entry declares besides its input and output, so that both transports,
 * the dispatcher and the audit recorder read one place: whether it needs a session, whether it
 * changes anything, how it is audited (R-KEEP) and how large a request may be. Data only: the
 * services apply the audit declaration (src/services/audit/audit-policy.ts).
 */
export interface MethodPolicy {
  readonly auth: boolean;
  /** Only these roles may call it (checked by the dispatcher once the session is known). */
  readonly roles?: RolePolicy;
  /** Changes the counter's records, its files or the center's: needs an explicit audit policy. */
  readonly mutates: boolean;
  readonly audit: AuditPolicy;
  /** Callable while the session's password is a temporary one that must be changed first. */
  readonly withTemporaryPassword?: true;
  /** Largest request body (JSON, bytes) either transport accepts; DEFAULT_MAX_REQUEST_BYTES if absent. */
  readonly maxRequestBytes?: number;
}

export interface RolePolicy {
  readonly allowed: readonly Role[];
  /** The Chinese refusal for everyone else, with the rule it enforces. */
  readonly refusal: string;
  readonly ruleId: RuleId;
}

export const DEFAULT_MAX_REQUEST_BYTES = 256 * 1024;

/** Who or what an audit entry is about, named; src/services/audit/audit-policy.ts reads each. */
export type AuditSubject =
  | 'shift'
  | 'rx'
  | 'dispensing'
  | 'settlement'
  | 'selfPaySale'
  | 'drug'
  | 'batch'
  | 'region'
  | 'paper'
  | 'dateRange'
  | 'report'
  | 'outboxItem'
  | 'person'
  | 'complaint'
  | 'delivery'
  | 'staff';

/** Detail that is more than named fields (nested values, counts, lists), applied by the services. */
export type AuditDetailExtra =
  | 'login'
  | 'review'
  | 'selfPayLines'
  | 'verifyResult'
  | 'resultCount'
  | 'searchCriteria';

export interface Audited {
  readonly audited: true;
  readonly action: AuditAction;
  /** The action when an input field has this value (a rejection is its own action). */
  readonly actionWhen?: {
    readonly field: string;
    readonly equals: string;
    readonly action: AuditAction;
  };
  readonly subject?: AuditSubject;
  /**
   * Named scalar fields copied into the detail, from the input and (when the call succeeded)
   * from the output. Never passwords, tokens, opinions or patient data.
   */
  readonly detail?: {
    readonly input?: readonly string[];
    readonly output?: readonly string[];
    readonly extra?: AuditDetailExtra;
  };
}

export interface NotAudited {
  readonly audited: false;
  /** Why no entry is written: a read, or where the change is recorded instead. */
  readonly reason: string;
}

export type AuditPolicy = Audited | NotAudited;

export function audited(
  action: AuditAction,
  rest: Omit<Audited, 'audited' | 'action'> = {},
): Audited {
  return { audited: true, action, ...rest };
}

export function notAudited(reason: string): NotAudited {
  return { audited: false, reason };
}

export const READ_ONLY_REASON = 'reads only: changes no record, file or center state';

/** Spread into an entry that only reads. */
export const reads = { mutates: false, audit: notAudited(READ_ONLY_REASON) } as const;
