import { CenterError } from './center-error';

export interface HttpReply {
  status: number;
  text: string;
}

/**
 * POSTs a body straight to the center (no proxy, no relay) and reads the whole reply within
 * `timeoutMs`. Transport failures become CenterError kinds `timeout` / `network`; the status is
 * left to the caller.
 */
export async function postText(
  url: string,
  body: string,
  headers: Record<string, string>,
  timeoutMs: number,
  msgid?: string,
): Promise<HttpReply> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json;charset=utf-8', ...headers },
      body,
      signal: controller.signal,
    });
    const text = await res.text();
    return { status: res.status, text };
  } catch (err) {
    const extra = msgid === undefined ? { cause: err } : { cause: err, msgid };
    if (controller.signal.aborted) {
      throw new CenterError('timeout', `医保中心 ${timeoutMs} 毫秒内未应答`, extra);
    }
    throw new CenterError('network', `无法连接医保中心：${describeError(err)}`, extra);
  } finally {
    clearTimeout(timer);
  }
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
