import type { Dispatch } from '../src/api/dispatch';
import {
  NOT_JSON_REFUSAL,
  OVERSIZE_REFUSAL,
  requestBytes,
  requestLimitOf,
} from '../src/contract/request-size';
import type { ApiResult } from '../src/contract/types';
import { checkIpcCall } from './ipc-guard';

/**
 * One API call over IPC: the caller and argument checks, then the same per-method size limit
 * as the HTTP transport (from the contract entry), then the dispatcher.
 */
export async function answerApiCall(
  senderUrl: string | undefined,
  args: unknown[],
  dispatch: Dispatch,
): Promise<ApiResult<unknown>> {
  const call = checkIpcCall(senderUrl, args);
  if (typeof call === 'string') return { ok: false, error: { code: 'FORBIDDEN', message: call } };
  const bytes = requestBytes(call.input);
  if (bytes === null) return NOT_JSON_REFUSAL;
  if (bytes > requestLimitOf(call.method)) return OVERSIZE_REFUSAL;
  return dispatch(call.method, call.input, call.token);
}
