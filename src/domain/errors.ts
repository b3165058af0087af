import { type RuleId, ruleCitationForUsers } from './rules';

/**
 * Error codes the API can return. Every error carries a Chinese message for the counter;
 * refusals that a policy rule requires also carry the rule id and its citation.
 */
export type ErrorCode =
  | 'VALIDATION' // input failed the boundary schema
  | 'UNAUTHENTICATED' // no or expired session
  | 'FORBIDDEN' // role may not do this
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'CENTER_UNREACHABLE' // transport failure, timeout
  | 'CENTER_REJECTED' // the center answered with a business error
  | 'CENTER_BAD_REPLY' // malformed or wrongly signed reply
  | 'POLICY' // refused by a rule
  | 'STARTING' // the counter's services (database, center link) are still starting
  | 'INTERNAL';

export interface AppErrorShape {
  code: ErrorCode;
  message: string;
  ruleId?: RuleId;
  citation?: string;
  detail?: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly ruleId: RuleId | undefined;
  readonly detail: string | undefined;
  /** A region-aware citation (a pack's clause) in place of the rule's own. */
  readonly citation: string | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    opts: { ruleId?: RuleId; detail?: string; citation?: string } = {},
  ) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.ruleId = opts.ruleId;
    this.detail = opts.detail;
    this.citation = opts.citation;
  }

  toShape(): AppErrorShape {
    const shape: AppErrorShape = { code: this.code, message: this.message };
    if (this.ruleId) {
      shape.ruleId = this.ruleId;
      shape.citation = this.citation ?? ruleCitationForUsers(this.ruleId);
    }
    if (this.detail) shape.detail = this.detail;
    return shape;
  }
}

export function toErrorShape(err: unknown): AppErrorShape {
  if (err instanceof AppError) return err.toShape();
  return { code: 'INTERNAL', message: '系统内部错误，请重试；如反复出现请联系信息管理员' };
}
