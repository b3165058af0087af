import type { AppErrorShape } from '../domain/errors';
import type { ApiInput, ApiMethod, ApiOutput } from './contract';
import type { ApiResult } from './types';
import type { DesktopBackendStatus } from './types-desktop';

/** How a renderer reaches the backend: Electron IPC (preload) or HTTP (browser mode). */
export type Transport = (
  method: ApiMethod,
  input: unknown,
  token: string | null,
) => Promise<ApiResult<unknown>>;

export class ApiError extends Error {
  constructor(readonly shape: AppErrorShape) {
    super(shape.message);
    this.name = 'ApiError';
  }
}

export interface ApiClient {
  call<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiOutput<M>>;
  setToken(token: string | null): void;
}

export function createApiClient(transport: Transport): ApiClient {
  let token: string | null = null;
  return {
    setToken(t) {
      token = t;
    },
    async call(method, input) {
      const result = await transport(method, input, token);
      if (!result.ok) throw new ApiError(result.error);
      return result.value as never;
    },
  };
}

export const httpTransport: Transport = async (method, input, token) => {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  try {
    const res = await fetch(`/api/${method}`, {
      method: 'POST',
      headers,
      body: JSON.stringify(input),
    });
    return (await res.json()) as ApiResult<unknown>;
  } catch {
    return {
      ok: false,
      error: { code: 'INTERNAL', message: '无法连接本机服务，请确认程序仍在运行' },
    };
  }
};

declare global {
  interface Window {
    /** Exposed by electron/preload.ts through contextBridge; absent in browser mode. */
    epcDesktop?: {
      invoke(method: string, input: unknown, token: string | null): Promise<ApiResult<unknown>>;
      /** Silent printing on the printer chosen in settings: null when printed, or why not. */
      print(job: string): Promise<string | null>;
      installUpdate(): Promise<unknown>;
      /** The backend process's state (D36); returns the unsubscribe. */
      onBackendStatus?(listener: (status: DesktopBackendStatus) => void): () => void;
    };
  }
}

export function detectTransport(): Transport {
  const desktop = typeof window !== 'undefined' ? window.epcDesktop : undefined;
  if (desktop) return (method, input, token) => desktop.invoke(method, input, token);
  return httpTransport;
}
