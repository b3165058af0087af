import { ApiError, createApiClient, detectTransport } from '../contract/client';
import type { AppErrorShape } from '../domain/errors';

type SettledListener = (method: string, ok: boolean) => void;
const settledListeners = new Set<SettledListener>();

/** Tells `listener` after every call whether it succeeded (live status bars refresh on it). */
export function onCallSettled(listener: SettledListener): () => void {
  settledListeners.add(listener);
  return () => settledListeners.delete(listener);
}

const transport = detectTransport();

/** The renderer's one way to the backend: IPC in the desktop app, HTTP in browser mode. */
export const api = createApiClient(async (method, input, token) => {
  const result = await transport(method, input, token);
  for (const listener of settledListeners) listener(method, result.ok);
  return result;
});

/** Any failure as the error shape the screens show (Chinese message, optional rule id and citation). */
export function toShape(err: unknown): AppErrorShape {
  if (err instanceof ApiError) return err.shape;
  return {
    code: 'INTERNAL',
    message: '操作失败：程序内部错误，请重试；如反复出现请联系信息管理员',
  };
}

export function isUnauthenticated(err: unknown): boolean {
  return err instanceof ApiError && err.shape.code === 'UNAUTHENTICATED';
}
