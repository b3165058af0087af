/** The FSI gateway's request and response wrappers (center-protocol §1, research §1.6). */

export interface FsiRequest {
  readonly infno: string;
  readonly msgid: string;
  readonly mdtrtarea_admvs: string;
  readonly insuplc_admdvs: string;
  readonly recer_sys_code: string;
  readonly dev_no: string;
  readonly dev_safe_info: string;
  readonly cainfo: string;
  readonly signtype: string;
  readonly infver: string;
  readonly opter_type: string;
  readonly opter: string;
  readonly opter_name: string;
  readonly inf_time: string;
  readonly fixmedins_code: string;
  readonly fixmedins_name: string;
  readonly sign_no: string;
  readonly input: Readonly<Record<string, unknown>>;
}

export interface FsiResponse {
  /** 0 ok; -1 system error (reverse with 2601); -2 business error. */
  infcode: number;
  inf_refmsgid: string;
  refmsg_time: string;
  respond_time: string;
  err_msg: string;
  warn_msg: string;
  output: Record<string, unknown> | null;
  /** Our extension: a machine-readable refusal reason, e.g. SIGN_IN_INVALID (sign-in-refusal.ts). */
  x_err_code?: string;
  /**
   * Set by the client, never by the center: the center answered infcode 0 but its business
   * result said failure, so this reply was turned into a refusal (-2) with the center's words.
   */
  businessFailed?: true;
}

/** Reads a reply body as a response wrapper, or returns the reason it is not one. */
export function parseFsiResponse(text: string): FsiResponse | string {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return `应答不是合法的 JSON（${text.length} 字节）`;
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return '应答不是 JSON 对象';
  const r = body as Record<string, unknown>;
  const infcode =
    typeof r.infcode === 'string' && /^-?\d+$/.test(r.infcode) ? Number(r.infcode) : r.infcode;
  if (typeof infcode !== 'number' || !Number.isInteger(infcode)) return '应答缺少整数 infcode';
  const output = r.output;
  if (
    output !== undefined &&
    output !== null &&
    (typeof output !== 'object' || Array.isArray(output))
  ) {
    return '应答的 output 不是 JSON 对象';
  }
  const text_ = (v: unknown) =>
    typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v);
  return {
    infcode,
    inf_refmsgid: text_(r.inf_refmsgid),
    refmsg_time: text_(r.refmsg_time),
    respond_time: text_(r.respond_time),
    err_msg: text_(r.err_msg),
    warn_msg: text_(r.warn_msg),
    output: (output as Record<string, unknown> | null | undefined) ?? null,
    ...(typeof r.x_err_code === 'string' && r.x_err_code ? { x_err_code: r.x_err_code } : {}),
  };
}

/** Deep-freezes a JSON value so a built request cannot change after its msgid is assigned. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
