import type { ServerResponse } from 'node:http';
import { toPem } from '../../center/x509';
import type { SandboxConfig } from '../config';
import type { SandboxDb } from '../db';
import { sendJson } from '../http-util';
import { currentCrl } from './crl-store';
import { sandboxCa } from './sandbox-ca';

export const CA_ROUTE_PREFIX = '/epc/api/x/';

/**
 * Public CA routes beside the e-prescription center (our extension, `x`):
 * `GET /epc/api/x/crl` the current CRL (DER, `?format=pem` for PEM),
 * `GET /epc/api/x/ca` the CA certificate (PEM).
 */
export function handleCaRoute(
  path: string,
  query: URLSearchParams,
  res: ServerResponse,
  deps: { db: SandboxDb; config: SandboxConfig },
): void {
  const name = path.slice(CA_ROUTE_PREFIX.length);
  if (name === 'crl') {
    const der = currentCrl(deps.db, deps.config);
    if (query.get('format') === 'pem')
      send(res, 'application/x-pem-file', Buffer.from(toPem(der, 'X509 CRL'), 'utf8'));
    else send(res, 'application/pkix-crl', der);
  } else if (name === 'ca') {
    send(res, 'application/x-pem-file', Buffer.from(sandboxCa(deps.config).pem, 'utf8'));
  } else {
    sendJson(res, 404, { code: 404, message: `沙箱中心没有此路径：${path}` });
  }
}

function send(res: ServerResponse, type: string, body: Buffer): void {
  res.writeHead(200, {
    'content-type': type,
    'content-length': body.length,
    'cache-control': 'no-store',
  });
  res.end(body);
}
