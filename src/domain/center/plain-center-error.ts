/**
 * A delivery error as stored (`<kind>: <transport words>` for a transport failure, the center's
 * own words for a refusal) in plain Chinese for the queue, the raw text kept for a details line
 * (issue 19 item 12: no raw HTTP or JSON in the sentence a person reads).
 */
export interface PlainCenterError {
  message: string;
  /** The stored text, when the message is not it. */
  detail: string | null;
}

const BY_KIND: Record<string, string> = {
  network: '无法连接医保中心（医保专网不通或医保中心停机），恢复后自动重新上传',
  timeout: '医保中心未按时应答，稍后自动重试',
  http: '医保中心暂时无法处理请求（网关故障），稍后自动重试',
  malformed: '医保中心返回的数据无法识别，已拒绝使用，稍后自动重试',
};

/** Transport or program words that a person at the counter cannot act on. */
const TECHNICAL =
  /HTTP\s*\d{3}|\{\s*"|ECONN|ETIMEDOUT|EAI_AGAIN|fetch failed|\w+Error\b|undefined/i;

export function plainCenterError(raw: string): PlainCenterError {
  const kind = /^(network|timeout|http|malformed|business|unknown): /.exec(raw)?.[1];
  const known = kind ? BY_KIND[kind] : undefined;
  if (known) return { message: known, detail: raw };
  if (raw.startsWith('医保中心系统错误'))
    return { message: '医保中心系统错误，稍后自动重试', detail: raw };
  if (TECHNICAL.test(raw)) return { message: '与医保中心通信失败，稍后自动重试', detail: raw };
  return { message: raw, detail: null };
}
