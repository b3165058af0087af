import {
  STORE_MAX_REQUEST_BYTES,
  type StoreInput,
  type StoreMethod,
  type StoreOutput,
} from '../contract/store-protocol';
import { signStoreRequest } from '../contract/store-protocol-auth';
import type { StoreErrorBody } from '../contract/types-store';

/** How a counter reaches its store server (docs/store-server.md, "Counters in store mode"). */
export interface StoreLinkConfig {
  url: string;
  institution: string;
  counterId: string;
  secret: string;
  /** Per attempt; a scan must not hang the counter. */
  timeoutMs?: number;
  /** Attempts on a transport failure, each re-signed, same body and idempotency key. */
  attempts?: number;
}

/** The store server could not be reached (or did not answer in time): the outcome is unknown. */
export class StoreUnreachableError extends Error {
  constructor(override readonly cause: unknown) {
    super(`门店服务器无法连接：${(cause as Error)?.message ?? String(cause)}`);
    this.name = 'StoreUnreachableError';
  }
}

/** The store server refused the request itself (signature, replay, validation, size). */
export class StoreRequestError extends Error {
  constructor(readonly body: StoreErrorBody) {
    super(body.message);
    this.name = 'StoreRequestError';
  }
}

export interface StoreLinkStatus {
  reachable: boolean;
  /** ms since epoch of the last answer, null before the first */
  lastAnswerAt: number | null;
  lastError: string | null;
}

export function createStoreClient(cfg: StoreLinkConfig, now: () => number = Date.now) {
  const status: StoreLinkStatus = { reachable: false, lastAnswerAt: null, lastError: null };
  const timeoutMs = cfg.timeoutMs ?? 3000;
  const attempts = cfg.attempts ?? 2;

  async function once(method: string, body: string): Promise<Response> {
    const headers = signStoreRequest({
      institution: cfg.institution,
      counterId: cfg.counterId,
      secret: cfg.secret,
      method,
      body,
      now: now(),
    });
    return fetch(`${cfg.url}/v1/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
      signal: AbortSignal.timeout(timeoutMs),
    });
  }

  async function call<M extends StoreMethod>(
    method: M,
    input: StoreInput<M>,
  ): Promise<StoreOutput<M>> {
    const body = JSON.stringify(input);
    if (Buffer.byteLength(body) > STORE_MAX_REQUEST_BYTES) {
      throw new StoreRequestError({ code: 'TOO_LARGE', message: '请求超过门店服务器上限' });
    }
    let last: unknown;
    for (let attempt = 1; attempt <= attempts; attempt++) {
      let res: Response;
      let parsed: { ok: boolean; answer?: unknown; error?: StoreErrorBody };
      try {
        res = await once(method, body);
        parsed = (await res.json()) as typeof parsed;
      } catch (e) {
        last = e;
        continue;
      }
      status.reachable = true;
      status.lastAnswerAt = now();
      status.lastError = null;
      if (parsed.ok) return parsed.answer as StoreOutput<M>;
      throw new StoreRequestError(
        parsed.error ?? { code: 'INTERNAL', message: `门店服务器答复异常（HTTP ${res.status}）` },
      );
    }
    const err = new StoreUnreachableError(last);
    status.reachable = false;
    status.lastError = err.message;
    throw err;
  }

  return { call, status: (): StoreLinkStatus => ({ ...status }), counterId: cfg.counterId };
}

export type StoreClient = ReturnType<typeof createStoreClient>;
