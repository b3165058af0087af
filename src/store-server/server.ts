import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Pool } from 'pg';
import {
  STORE_MAX_REQUEST_BYTES,
  type StoreMethod,
  storeProtocol,
} from '../contract/store-protocol';
import { authenticate, pruneNonces } from './auth';
import type { StoreServerConfig } from './config';
import { runMethod } from './methods';
import { StoreError } from './store-error';
import { claimStoreIdentity } from './store-identity';

export interface StoreServer {
  url: string;
  close(): Promise<void>;
}

/**
 * The store server's HTTP side: POST /v1/<method>, a capped body, a signed counter, a
 * zod-validated input; answers {ok: true, answer} or {ok: false, error} in Chinese.
 */
export async function startStoreServer(
  pool: Pool,
  config: StoreServerConfig,
): Promise<StoreServer> {
  await claimStoreIdentity(pool, config.institution);
  for (const id of config.counters.keys()) {
    await pool.query('INSERT INTO counters (counter_id) VALUES ($1) ON CONFLICT DO NOTHING', [id]);
  }
  const server = createServer((req, res) => {
    handle(req, res, pool, config).catch((e: unknown) => {
      console.error(`门店服务器内部错误：${(e as Error).message}`);
      send(res, 500, { ok: false, error: { code: 'INTERNAL', message: '门店服务器内部错误' } });
    });
  });
  server.requestTimeout = 30_000;
  server.headersTimeout = 10_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, resolve);
  });
  const prune = setInterval(() => pruneNonces(pool).catch(() => {}), 60_000);
  prune.unref();
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${config.host}:${port}`,
    close: () => {
      clearInterval(prune);
      return closeServer(server);
    },
  };
}

async function handle(
  req: IncomingMessage,
  res: ServerResponse,
  pool: Pool,
  config: StoreServerConfig,
): Promise<void> {
  try {
    const method = /^\/v1\/([A-Za-z.]+)$/.exec(req.url ?? '')?.[1] ?? '';
    if (req.method !== 'POST' || !Object.hasOwn(storeProtocol, method)) {
      throw new StoreError('UNKNOWN_METHOD', `门店服务器没有方法 ${method || req.url}`);
    }
    const body = await readBody(req);
    const { counterId, nonce } = authenticate({
      institution: config.institution,
      counters: config.counters,
      method,
      headers: req.headers,
      body,
      now: Date.now(),
    });
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch {
      throw new StoreError('VALIDATION', '请求不是有效的 JSON');
    }
    const m = method as StoreMethod;
    const parsed = storeProtocol[m].input.safeParse(json);
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      throw new StoreError(
        'VALIDATION',
        `请求参数有误：${first?.path.join('.') ?? ''} ${first?.message ?? ''}`,
      );
    }
    const answer = await runMethod(m, parsed.data, { pool, config, counterId, nonce, body });
    send(res, 200, { ok: true, answer });
  } catch (e) {
    if (!(e instanceof StoreError)) throw e;
    send(res, e.status, { ok: false, error: e.body() });
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  const declared = Number(req.headers['content-length'] ?? 0);
  const tooLarge = () =>
    new StoreError('TOO_LARGE', `请求超过 ${STORE_MAX_REQUEST_BYTES / 1024} KB 上限，已拒绝`);
  if (declared > STORE_MAX_REQUEST_BYTES) {
    req.resume();
    return Promise.reject(tooLarge());
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > STORE_MAX_REQUEST_BYTES) {
        req.removeAllListeners('data');
        req.resume();
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) return;
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
