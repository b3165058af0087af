import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  createTrustStore,
  loadTrustStore,
  TrustStoreError,
} from '../../../src/center/rx/trust-store';
import { verifyRxFile } from '../../../src/center/rx/verify-rx';
import { toPem } from '../../../src/center/x509';
import { createPkiFixture } from '../../support/pki';
import { buildRxFile } from './rx-fixture';

const pki = createPkiFixture();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rx-trust-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const write = (name: string, content: string | Uint8Array) => {
  const p = path.join(dir, name);
  fs.mkdirSync(path.dirname(p), { recursive: true });
  fs.writeFileSync(p, content);
  return p;
};

describe('trust store', () => {
  it('reads a PEM bundle, DER CAs, a CRL directory and explicit PEM CRLs [R-SIGN][ST-EPC-02-008]', () => {
    const bundle = write('bundle.pem', toPem(pki.otherCa.der) + toPem(pki.ca.der));
    const der = write('ca.der', pki.ca.der);
    write('crl/a.crl', pki.crls.fresh.der);
    write('crl/ignored.txt', 'x');
    const pemCrl = write('stale.pem', toPem(pki.crls.stale.der, 'X509 CRL'));
    const store = loadTrustStore({
      caFiles: [bundle, der],
      crlDir: path.join(dir, 'crl'),
      crlFiles: [pemCrl],
    });
    expect(store.cas.map((c) => c.subjectDn)).toEqual([
      pki.otherCa.cert.subjectDn,
      pki.ca.cert.subjectDn,
      pki.ca.cert.subjectDn,
    ]);
    expect(store.crls).toHaveLength(2);
    expect(verifyRxFile(buildRxFile(pki.valid), { trust: store, at: pki.now }).code).toBe('OK');
    expect(verifyRxFile(buildRxFile(pki.revoked), { trust: store, at: pki.now }).code).toBe(
      'CERT_REVOKED',
    );
  });

  it('refuses a non-CA certificate as a trust anchor, naming it [R-SIGN]', () => {
    expect(() => createTrustStore([pki.valid.cert], [])).toThrow(/不是 CA 证书/);
    const leaf = write('leaf.pem', toPem(pki.valid.der));
    expect(() => loadTrustStore({ caFiles: [leaf] })).toThrow(TrustStoreError);
    expect(() => loadTrustStore({ caFiles: [leaf] })).toThrow(/leaf\.pem/);
  });

  it('explicit unreadable files are errors; a damaged cached CRL is skipped with a warning [R-SIGN]', () => {
    const ca = write('ca2.pem', toPem(pki.ca.der));
    expect(() => loadTrustStore({ caFiles: [path.join(dir, 'missing.pem')] })).toThrow(/无法读取/);
    expect(() => loadTrustStore({ caFiles: [write('junk.pem', 'hello')] })).toThrow(
      TrustStoreError,
    );
    const bad = write('bad.crl', 'not a crl');
    expect(() => loadTrustStore({ caFiles: [ca], crlFiles: [bad] })).toThrow(/bad\.crl/);
    write('cache/broken.crl', 'garbage');
    write('cache/good.crl', pki.crls.fresh.der);
    const store = loadTrustStore({ caFiles: [ca], crlDir: path.join(dir, 'cache') });
    expect(store.crls).toHaveLength(1);
    expect(store.warnings.join()).toContain('broken.crl');
    expect(loadTrustStore({ caFiles: [ca], crlDir: path.join(dir, 'nope') }).crls).toHaveLength(0);
  });

  it('identifies the set of CAs and CRLs (cache key) [R-SIGN]', () => {
    const a = createTrustStore([pki.ca.cert], [pki.crls.fresh.crl]);
    const b = createTrustStore([pki.ca.cert], [pki.crls.fresh.crl]);
    const c = createTrustStore([pki.ca.cert], [pki.crls.empty.crl]);
    expect(a.id).toBe(b.id);
    expect(a.id).not.toBe(c.id);
  });
});
