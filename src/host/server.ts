import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Dispatch } from '../api/dispatch';
import { SECURITY_HEADERS } from './csp';
import { readStatic } from './static-files';

/**
 * The contract (every method's schema) loads with the first API call rather than before the
 * server listens: the first screen does not wait for it (issue 20).
 */
let requestSize: Promise<typeof import('../contract/request-size')> | null = null;
const loadRequestSize = () => {
  requestSize ??= import('../contract/request-size');
  return requestSize;
};

export interface HostOptions {
  dispatch: Dispatch;
  staticDir: string;
  port: number;
}

/**
 * Browser mode: serves the built renderer and the API contract over HTTP on loopback only.
 * The Host and Origin checks keep other web pages (DNS rebinding, cross-site posts) out.
 */
export async function startHost(
  opts: HostOptions,
): Promise<{ url: string; port: number; close(): Promise<void> }> {
  let port = opts.port;
  const server = http.createServer((req, res) => {
    handle(req, res).catch(() =>
      send(res, 500, { ok: false, error: { code: 'INTERNAL', message: '系统内部错误' } }),
    );
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse) {
    if (!isLocalHost(req.headers.host, port) || !isSameOrigin(req.headers.origin, port)) {
      return send(res, 403, { ok: false, error: { code: 'FORBIDDEN', message: '仅允许本机访问' } });
    }
    const url = req.url ?? '/';
    if (url.startsWith('/api/')) {
      if (req.method !== 'POST')
        return send(res, 405, { ok: false, error: { code: 'VALIDATION', message: '仅支持POST' } });
      const method = url.slice(5).split('?')[0] ?? '';
      const { NOT_JSON_REFUSAL, OVERSIZE_REFUSAL, requestLimitOf } = await loadRequestSize();
      const body = await readBody(req, requestLimitOf(method));
      if (body === null) return send(res, 413, OVERSIZE_REFUSAL);
      let input: unknown;
      try {
        input = body.length ? JSON.parse(body) : {};
      } catch {
        return send(res, 400, NOT_JSON_REFUSAL);
      }
      const auth = req.headers.authorization;
      const token = auth?.startsWith('Bearer ') ? auth.slice(7) : null;
      const result = await opts.dispatch(method, input, token);
      return send(res, 200, result);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, { ok: false });
    const file = (await readStatic(opts.staticDir, url)) ?? (await readStatic(opts.staticDir, '/'));
    if (!file) {
      res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS });
      return res.end('界面尚未构建：请运行 npm start（会自动构建）或 npm run build:renderer');
    }
    res.writeHead(200, {
      'content-type': file.type,
      'cache-control': 'no-cache',
      ...SECURITY_HEADERS,
    });
    res.end(req.method === 'HEAD' ? undefined : file.body);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function isLocalHost(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

function isSameOrigin(origin: string | undefined, port: number): boolean {
  return (
    origin === undefined ||
    origin === `http://127.0.0.1:${port}` ||
    origin === `http://localhost:${port}`
  );
}

/**
 * Past this much, an oversize body is cut off instead of read to its end: the client then
 * sees a reset rather than the refusal.
 */
const MAX_DISCARDED_BYTES = 32 * 1024 * 1024;

/**
 * The body, or null when it exceeds the limit. An oversize body is read to its end (and
 * dropped) so that the client receives the refusal, as it does over IPC.
 */
function readBody(req: http.IncomingMessage, limit: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= limit) chunks.push(c);
      else if (size > limit + MAX_DISCARDED_BYTES) {
        resolve(null);
        req.destroy();
      }
    });
    req.on('end', () => resolve(size > limit ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: http.ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...SECURITY_HEADERS });
  res.end(JSON.stringify(body));
}
