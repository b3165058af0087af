import type { FsiResponse } from '../fsi-wrapper';

/**
 * How the center says a transaction succeeded beyond `infcode` 0 (architecture.md: "count a
 * result as done only when the transport code is 0 *and* the business result says success").
 * Every entry of the transaction catalogue (index.ts) names its judge.
 *
 * A judge reads an infcode-0 reply and answers:
 * - `ok`: the business result says success;
 * - `failed`: the center says in so many words that the business did not succeed (e.g. 3505
 *   `retRslt` "0"): nothing took effect, handled like a refusal (-2), with the center's words;
 * - `unreadable`: the evidence of success the transaction must carry is missing, so whether it
 *   took effect is unknown (a 2102 without its `setl_id` goes the 2601 path, never "settled").
 */
export type BusinessVerdict =
  | { kind: 'ok' }
  | { kind: 'failed'; words: string }
  | { kind: 'unreadable'; words: string };

export type SuccessJudge = (res: FsiResponse) => BusinessVerdict;

const OK: BusinessVerdict = { kind: 'ok' };

type Json = Record<string, unknown>;

function node(value: unknown, name: string): Json | null {
  if (typeof value !== 'object' || value === null) return null;
  const child = (value as Json)[name];
  return typeof child === 'object' && child !== null && !Array.isArray(child)
    ? (child as Json)
    : null;
}

function text(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
}

/** The center's own words for a result, from the most specific field it filled. */
function centerWords(res: FsiResponse, ...specific: unknown[]): string {
  for (const v of [...specific, res.err_msg, res.warn_msg]) {
    const t = text(v);
    if (t) return t;
  }
  return '医保中心未说明原因';
}

/** Inventory 3501–3507: `retRslt` "1" = success (research §3.3); `msgRslt` says why not. */
export function retRslt(required: boolean): SuccessJudge {
  return (res) => {
    const out = res.output ?? {};
    const rslt = text(out.retRslt);
    if (rslt === '1') return OK;
    if (rslt === '' && !required) return OK;
    if (rslt === '') return { kind: 'unreadable', words: '应答缺少业务结果 retRslt' };
    return { kind: 'failed', words: centerWords(res, out.msgRslt) };
  };
}

/**
 * 7206–7208 uploads: `data.msg_code` "0" and `data.flag` "True" = success (research §2.2).
 * `required` fields must be present for the reply to prove anything.
 */
export function msgCode(required: readonly string[]): SuccessJudge {
  return (res) => {
    const data = node(res.output, 'data');
    if (!data) return { kind: 'unreadable', words: '应答缺少 data 节点' };
    const code = text(data.msg_code);
    const flag = text(data.flag);
    const said = (code !== '' && code !== '0') || (flag !== '' && flag.toLowerCase() !== 'true');
    if (said) return { kind: 'failed', words: centerWords(res, data.msg, data.msg_rslt) };
    const missing = required.filter((f) => text(data[f]) === '');
    if (missing.length > 0)
      return { kind: 'unreadable', words: `应答缺少业务结果 ${missing.join('、')}` };
    return OK;
  };
}

/** The reply must carry `path` (a node, or a node's non-empty field) to show the work was done. */
export function carries(path: string): SuccessJudge {
  const [first, field] = path.split('.') as [string, string | undefined];
  return (res) => {
    const n = node(res.output, first);
    const present = field === undefined ? n !== null : text(n?.[field]) !== '';
    return present ? OK : { kind: 'unreadable', words: `应答缺少 ${path}` };
  };
}

/** No success field beyond infcode 0; the caller's reply schema checks the shape. */
export const infcodeOnly: SuccessJudge = () => OK;

/** 7205: the center checked the signature; `vrf_rslt` is its verdict, judged by the intake. */
export const verification: SuccessJudge = (res) => {
  const data = node(res.output, 'data');
  const rslt = text(data?.vrf_rslt);
  if ((rslt === '0' || rslt === '1') && text(data?.rx_sign_verify_sn) !== '') return OK;
  return { kind: 'unreadable', words: '应答缺少验签结果 vrf_rslt 或验签流水号' };
};
