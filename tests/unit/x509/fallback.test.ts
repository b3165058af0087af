import { afterAll, describe, expect, it, vi } from 'vitest';
import { DISTID, OpenSslWorkspace } from './openssl';

// Electron's main process links BoringSSL: no SM2 in node:crypto. The X.509 module must then
// sign and verify through the pure-JS path and still interoperate.
vi.mock('../../../src/center/crypto/native', () => ({
  nativeSupport: () => ({ sm3: false, sm4Ecb: false, sm2: false }),
}));

const { sm2NativeAvailable } = await import('../../../src/center/crypto');
const { fromPem, parseCertificate, toPem, verifyCertificateChain } = await import(
  '../../../src/center/x509'
);
const { createPkiFixture } = await import('../../support/pki');

const ws = new OpenSslWorkspace();
afterAll(() => ws.dispose());

describe('X.509 on the pure-JS SM2 path (as inside Electron)', () => {
  const f = createPkiFixture();

  it('runs without the native path and gives the same verdicts [R-SIGN][ST-EPC-02-008]', () => {
    expect(sm2NativeAvailable()).toBe(false);
    const opts = { trustedCas: [f.ca.cert], crls: [f.crls.fresh.crl], at: f.now };
    const code = (r: ReturnType<typeof verifyCertificateChain>) => (r.ok ? 'OK' : r.code);
    expect(code(verifyCertificateChain(f.valid.cert, opts))).toBe('OK');
    expect(code(verifyCertificateChain(f.revoked.cert, opts))).toBe('REVOKED');
    expect(code(verifyCertificateChain(f.wrongSignature.cert, opts))).toBe('BAD_CERT_SIGNATURE');
    expect(
      code(verifyCertificateChain(f.valid.cert, { ...opts, crls: [f.crls.wronglySigned.crl] })),
    ).toBe('CRL_BAD_SIGNATURE');
  });

  it('what it issues verifies in OpenSSL, and what OpenSSL issues verifies in it [R-SIGN][ST-EPC-02-008]', () => {
    const caFile = ws.temp(toPem(f.ca.der));
    const attime = String(Math.floor(f.now.getTime() / 1000));
    const ours = ws.attempt(
      'verify',
      '-CAfile',
      caFile,
      '-vfyopt',
      DISTID,
      '-attime',
      attime,
      ws.temp(toPem(f.valid.der)),
    );
    expect(ours.ok).toBe(true);

    ws.run('genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:SM2', '-out', 'ca.key');
    ws.run(
      'req',
      '-x509',
      '-new',
      '-key',
      'ca.key',
      '-sm3',
      '-sigopt',
      DISTID,
      '-utf8',
      '-subj',
      '/C=CN/CN=纯 JS 测试 CA',
      '-days',
      '2',
      '-out',
      'ca.pem',
    );
    ws.run('ecparam', '-name', 'SM2', '-genkey', '-noout', '-out', 'leaf.key');
    ws.run(
      'req',
      '-new',
      '-key',
      'leaf.key',
      '-sm3',
      '-sigopt',
      DISTID,
      '-utf8',
      '-subj',
      '/CN=某医院',
      '-out',
      'leaf.csr',
    );
    ws.run(
      'x509',
      '-req',
      '-in',
      'leaf.csr',
      '-CA',
      'ca.pem',
      '-CAkey',
      'ca.key',
      '-set_serial',
      '7',
      '-sm3',
      '-sigopt',
      DISTID,
      '-vfyopt',
      DISTID,
      '-days',
      '1',
      '-out',
      'leaf.pem',
    );
    const ca = parseCertificate(fromPem(ws.read('ca.pem').toString()));
    const leaf = parseCertificate(fromPem(ws.read('leaf.pem').toString()));
    const r = verifyCertificateChain(leaf, {
      trustedCas: [ca],
      crls: [],
      at: new Date(),
      requireCrl: false,
    });
    expect(r.ok).toBe(true);
  });
});
