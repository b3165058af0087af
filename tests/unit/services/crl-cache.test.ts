import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toPem } from '../../../src/center/x509';
import { createCrlCache } from '../../../src/services/crl-cache';
import { silentLogger } from '../../../src/services/logger';
import { createPkiFixture } from '../../support/pki';

/** Writes 64 KB chunks until the client hangs up. */
function sendForever(res: ServerResponse): void {
  const chunk = Buffer.alloc(64 * 1024, 0x30);
  const pump = () => {
    while (!res.destroyed) {
      if (!res.write(chunk)) {
        res.once('drain', pump);
        return;
      }
    }
  };
  pump();
}

describe('CRL cache: verification keeps working offline on the last good CRL', () => {
  const pki = createPkiFixture();
  let dir: string;
  let server: Server;
  let serve: Buffer = pki.crls.fresh.der;
  let url: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'crl-cache-'));
    writeFileSync(path.join(dir, 'ca.pem'), toPem(pki.ca.der));
    server = createServer((req, res) => {
      res.writeHead(200, { 'content-type': 'application/pkix-crl' });
      if (req.url?.endsWith('/endless')) return sendForever(res);
      res.end(serve);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/epc/api/x/crl`;
  });
  afterAll(() => {
    server.closeAllConnections();
    server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const cache = (crlUrl: string) =>
    createCrlCache({
      caFiles: [path.join(dir, 'ca.pem')],
      crlUrl,
      crlDir: path.join(dir, 'crl'),
      log: silentLogger,
    });

  it('stores a CRL signed by the trusted CA, atomically [R-SIGN]', async () => {
    serve = pki.crls.fresh.der;
    expect((await cache(url).refresh()).state).toBe('updated');
    const files = readdirSync(path.join(dir, 'crl'));
    expect(files.filter((f) => f.endsWith('.crl'))).toHaveLength(1);
    expect(files.some((f) => f.endsWith('.tmp'))).toBe(false);
  });

  it('refuses a CRL signed by another key and keeps the cached one [R-SIGN]', async () => {
    serve = pki.crls.wronglySigned.der;
    const r = await cache(url).refresh();
    expect(r).toMatchObject({ state: 'rejected' });
    expect(r.message).toContain('不是受信任的 CA 签发');
    expect(cache(url).cachedCrls()[0]?.fingerprintHex).toBe(pki.crls.fresh.crl.fingerprintHex);
  });

  it('never replaces a newer cached CRL with an older one [R-SIGN]', async () => {
    serve = pki.crls.stale.der;
    expect((await cache(url).refresh()).state).toBe('unchanged');
    expect(cache(url).cachedCrls()[0]?.fingerprintHex).toBe(pki.crls.fresh.crl.fingerprintHex);
  });

  it('with the center unreachable says so and keeps the cache for offline verification [R-SIGN][ARCH]', async () => {
    const r = await cache('http://127.0.0.1:9/epc/api/x/crl').refresh();
    expect(r.state).toBe('unreachable');
    expect(r.message).toContain('本地缓存');
    expect(cache(url).cachedCrls()).toHaveLength(1);
  });

  it('stops reading an endless CRL download at the size cap and keeps the cache [R-SIGN][ARCH]', async () => {
    const started = Date.now();
    const r = await cache(`${url}/endless`).refresh();
    expect(r).toMatchObject({ state: 'rejected' });
    expect(r.message).toContain('超过 16 MB');
    expect(Date.now() - started).toBeLessThan(4_000);
    expect(cache(url).cachedCrls()[0]?.fingerprintHex).toBe(pki.crls.fresh.crl.fingerprintHex);
  });

  it('refuses bytes that are not a CRL [R-SIGN]', async () => {
    serve = Buffer.from('<html>not a crl</html>');
    expect((await cache(url).refresh()).state).toBe('rejected');
  });
});
