import { BodyTooLargeError, readCappedBody } from './capped-body';
import { CenterError } from './center-error';

export interface HttpReply {
  status: number;
  text: string;
}

export interface PostOptions {
  headers?: Record<string, string>;
  timeoutMs: number;
  /** The reply body is refused as soon as it passes this many bytes (see reply-caps.ts). */
  maxReplyBytes: number;
  msgid?: string;
}

/**
 * POSTs a body straight to the center (no proxy, no relay) and reads the reply within
 * `timeoutMs`, streaming it against `maxReplyBytes`. Transport failures become CenterError
 * kinds `timeout` / `network`, an oversized reply `malformed` (an answer came but cannot be
 * used: outcome unknown); the status is left to the caller.
 */
export async function postText(url: string, body: string, opts: PostOptions): Promise<HttpReply> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), opts.timeoutMs);
  const withMsgid = (extra: { status?: number; cause?: unknown }) =>
    opts.msgid === undefined ? extra : { ...extra, msgid: opts.msgid };
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json;charset=utf-8', ...opts.headers },
      body,
      signal: controller.signal,
    });
    try {
      const bytes = await readCappedBody(res, opts.maxReplyBytes);
      return { status: res.status, text: new TextDecoder().decode(bytes) };
    } catch (err) {
      if (!(err instanceof BodyTooLargeError)) throw err;
      controller.abort();
      throw new CenterError(
        'malformed',
        tooLargeMessage(err),
        withMsgid({ status: res.status, cause: err }),
      );
    }
  } catch (err) {
    if (err instanceof CenterError) throw err;
    if (controller.signal.aborted) {
      throw new CenterError(
        'timeout',
        `医保中心 ${opts.timeoutMs} 毫秒内未应答`,
        withMsgid({ cause: err }),
      );
    }
    throw new CenterError(
      'network',
      `无法连接医保中心：${describeError(err)}`,
      withMsgid({ cause: err }),
    );
  } finally {
    clearTimeout(timer);
  }
}

function tooLargeMessage(err: BodyTooLargeError): string {
  const cap = formatBytes(err.capBytes);
  return err.declaredBytes === undefined
    ? `医保中心应答超过 ${cap}，已中止接收并拒绝使用`
    : `医保中心应答声明长度 ${formatBytes(err.declaredBytes)}，超过上限 ${cap}，已拒绝接收`;
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024
    ? `${(n / (1024 * 1024)).toFixed(n % (1024 * 1024) === 0 ? 0 : 1)} MB`
    : `${n} 字节`;
}

function describeError(err: unknown): string {
  if (err instanceof Error) {
    const cause = (err as Error & { cause?: unknown }).cause;
    const code =
      typeof cause === 'object' && cause !== null ? (cause as { code?: unknown }).code : undefined;
    return typeof code === 'string' ? `${err.message} (${code})` : err.message;
  }
  return String(err);
}

/** A short, single-line excerpt of a reply body for error messages and logs. */
export function excerpt(text: string, max = 120): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}
