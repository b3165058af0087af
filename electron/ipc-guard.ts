/** The only origin allowed to call the API over IPC: our own renderer on the app:// scheme. */
export const RENDERER_ORIGIN = 'app://renderer';

export interface ApiCallArgs {
  method: string;
  input: unknown;
  token: string | null;
}

/**
 * Checks who is calling and the shape of the arguments before they reach the dispatcher
 * (which then validates the input against the contract's schema).
 */
export function checkIpcCall(senderUrl: string | undefined, args: unknown[]): ApiCallArgs | string {
  if (!senderUrl?.startsWith(`${RENDERER_ORIGIN}/`)) return '拒绝来自非本应用页面的调用';
  const [method, input, token] = args;
  if (typeof method !== 'string' || !/^[a-z]+\.[a-zA-Z]+$/.test(method) || method.length > 64)
    return '接口名不合法';
  if (token !== null && (typeof token !== 'string' || token.length > 256)) return '会话令牌不合法';
  return { method, input, token };
}
