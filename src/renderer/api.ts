import { ApiError, createApiClient, detectTransport } from '../contract/client';
import type { AppErrorShape } from '../domain/errors';

/** The renderer's one way to the backend: IPC in the desktop app, HTTP in browser mode. */
export const api = createApiClient(detectTransport());

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
