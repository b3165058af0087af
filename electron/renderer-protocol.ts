import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { SECURITY_HEADERS } from '../src/host/csp';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

/** Serves the built renderer on app://renderer/ with the strict CSP; nothing else is served. */
export async function serveRenderer(request: Request, root: string): Promise<Response> {
  const url = new URL(request.url);
  const rel =
    url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname).replace(/^\/+/, '');
  const file = path.resolve(root, rel);
  if (url.host !== 'renderer' || !file.startsWith(path.resolve(root) + path.sep)) {
    return new Response('forbidden', { status: 403 });
  }
  try {
    const body = await readFile(file);
    return new Response(new Uint8Array(body), {
      headers: {
        'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
        ...SECURITY_HEADERS,
      },
    });
  } catch {
    return new Response('not found', { status: 404 });
  }
}
