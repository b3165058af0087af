import { policyOf } from './contract';
import { DEFAULT_MAX_REQUEST_BYTES } from './method-policy';
import type { ApiResult } from './types';

/** The largest request body either transport accepts for this method (its contract entry). */
export function requestLimitOf(method: string): number {
  return policyOf(method)?.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES;
}

/** Size of a request as JSON, the way the HTTP transport receives it. Null when it is no JSON. */
export function requestBytes(input: unknown): number | null {
  try {
    return new TextEncoder().encode(JSON.stringify(input ?? {})).length;
  } catch {
    return null;
  }
}

/** How both transports refuse a request over its method's limit. */
export const OVERSIZE_REFUSAL = {
  ok: false,
  error: { code: 'VALIDATION', message: '请求过大' },
} as const satisfies ApiResult<never>;

export const NOT_JSON_REFUSAL = {
  ok: false,
  error: { code: 'VALIDATION', message: '请求不是合法的JSON' },
} as const satisfies ApiResult<never>;
