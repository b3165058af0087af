import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type pg from 'pg';
import { chainDayReport } from './day-report';
import { chainStock } from './stock-report';

export interface ReportServerOptions {
  host: string;
  port: number;
  /** reader name → bearer token */
  readers: ReadonlyMap<string, string>;
}

export interface ReportServer {
  url: string;
  close(): Promise<void>;
}

const digest = (s: string) => createHash('sha256').update(s).digest();

/** The reader a bearer token belongs to, compared in constant time; null: nobody. */
function readerOf(req: IncomingMessage, readers: ReadonlyMap<string, string>): string | null {
  const given = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '')?.[1];
  if (!given) return null;
  let found: string | null = null;
  for (const [name, token] of readers) {
    if (timingSafeEqual(digest(given), digest(token))) found = name;
  }
  return found;
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
  });
  res.end(text);
}

const refuse = (res: ServerResponse, status: number, code: string, message: string) =>
  send(res, status, { ok: false, error: { code, message } });

/**
 * The head office's report server (D58): GET only, a reader's bearer token required, every
 * answer read in a read-only transaction. `GET /v1/report?day=yyyy-MM-dd` (the chain's day
 * report) and `GET /v1/stock` (stock on hand per store). Put TLS in front of it off the host.
 */
export async function startReportServer(
  pool: pg.Pool,
  options: ReportServerOptions,
): Promise<ReportServer> {
  if (options.readers.size === 0) {
    throw new Error('未登记读取者（HEAD_OFFICE_READERS=名称:令牌），总部报表服务不启动');
  }
  const server = createServer((req, res) => {
    handle(req, res, pool, options).catch((e: unknown) => {
      console.error(`总部报表服务内部错误：${(e as Error).message}`);
      refuse(res, 500, 'INTERNAL', '总部报表服务内部错误');
    });
  });
  server.requestTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  return { url: `http://${options.host}:${port}`, close: () => closeServer(server) };
}

async function handle(
  req: IncomingMessage,
  res: ServerResponse,
  pool: pg.Pool,
  options: ReportServerOptions,
): Promise<void> {
  if (readerOf(req, options.readers) === null) {
    refuse(res, 401, 'UNAUTHENTICATED', '未授权：请提供总部报表的读取令牌');
    return;
  }
  if (req.method !== 'GET') {
    refuse(res, 405, 'READ_ONLY', '总部报表只读：只接受 GET 请求');
    return;
  }
  const url = new URL(req.url ?? '/', 'http://head-office');
  if (url.pathname === '/v1/report') {
    const day = url.searchParams.get('day') ?? '';
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) {
      refuse(res, 400, 'VALIDATION', '日期格式应为 yyyy-MM-dd');
      return;
    }
    send(res, 200, { ok: true, answer: await chainDayReport(pool, day) });
    return;
  }
  if (url.pathname === '/v1/stock') {
    send(res, 200, { ok: true, answer: await chainStock(pool) });
    return;
  }
  refuse(res, 404, 'UNKNOWN', `总部报表服务没有 ${url.pathname}`);
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
