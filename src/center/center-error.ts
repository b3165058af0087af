/**
 * How a call to the center failed. The kind tells the caller whether the outcome is known:
 * - `timeout`, `network`: the request may or may not have reached the center (unknown outcome);
 * - `http`: the gateway answered with a non-2xx status (outcome unknown for 5xx);
 * - `malformed`: an answer came but cannot be read, so it must not be used (unknown outcome);
 * - `bad_signature`: an EPC answer whose signature does not verify (unknown outcome, never used);
 * - `business`: the center refused (infcode ≠ 0 / code ≠ 0); nothing happened.
 */
export type CenterErrorKind =
  | 'timeout'
  | 'network'
  | 'http'
  | 'malformed'
  | 'business'
  | 'bad_signature';

export class CenterError extends Error {
  readonly kind: CenterErrorKind;
  readonly status: number | undefined;
  /** FSI infcode, or the EPC reply's code, of a business refusal. */
  readonly infcode: number | undefined;
  readonly msgid: string | undefined;

  constructor(
    kind: CenterErrorKind,
    message: string,
    extra: { status?: number; infcode?: number; msgid?: string; cause?: unknown } = {},
  ) {
    super(message, extra.cause === undefined ? undefined : { cause: extra.cause });
    this.name = 'CenterError';
    this.kind = kind;
    this.status = extra.status;
    this.infcode = extra.infcode;
    this.msgid = extra.msgid;
  }

  /** True when the center may have carried the request out: ask (or reverse) before resending. */
  get outcomeUnknown(): boolean {
    return this.kind !== 'business';
  }
}
