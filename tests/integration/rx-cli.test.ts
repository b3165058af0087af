import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { derSignatureToRaw, rawSignatureToDer } from '../../src/center/crypto';
import { buildOriginalValue } from '../../src/center/rx/rx-file';
import { createTrustStore } from '../../src/center/rx/trust-store';
import { verifyRxFile } from '../../src/center/rx/verify-rx';
import { fromPem, parseCertificate, parseCrl, toPem } from '../../src/center/x509';
import { createPkiFixture } from '../support/pki';
import {
  buildRxFile,
  drugLines,
  layoutPdf,
  signedFields,
  withEditedPayload,
} from '../unit/rx/rx-fixture';
import { DISTID, OpenSslWorkspace } from '../unit/x509/openssl';

const ROOT = path.resolve(import.meta.dirname, '../..');
const ws = new OpenSslWorkspace();
afterAll(() => ws.dispose());

const pki = createPkiFixture();
const caFile = ws.file('fixture-ca.pem', toPem(pki.ca.der));
const crlFile = ws.file('fixture.crl', pki.crls.fresh.der);
const AT = pki.now.toISOString();

interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
  json: Record<string, unknown> & { cert?: Record<string, string> | null };
}

function cli(...args: string[]): CliResult {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/rx.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 30_000,
  });
  const lines = r.stdout.split('\n').filter((l) => l !== '');
  let json = {} as CliResult['json'];
  if (lines.length === 1) json = JSON.parse(lines[0] as string);
  else if (lines.length > 1) throw new Error(`more than one stdout line: ${r.stdout}`);
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, json };
}

let n = 0;
const fileOf = (content: unknown) =>
  ws.file(`rx${n++}.rx.json`, typeof content === 'string' ? content : JSON.stringify(content));
const verify = (content: unknown, ...extra: string[]) =>
  cli('verify', fileOf(content), '--ca', caFile, '--crl', crlFile, '--at', AT, ...extra);

const good = buildRxFile(pki.valid);

describe('npm run rx -- verify', () => {
  it('a genuine prescription: one JSON line, exit 0, certificate shown [R-SIGN][ST-EPC-02-008]', () => {
    const r = verify(good);
    expect(r.status).toBe(0);
    expect(r.stdout.endsWith('\n')).toBe(true);
    expect(r.json).toMatchObject({ valid: true, code: 'OK', ruleId: 'R-SIGN' });
    expect(Object.keys(r.json).slice(0, 4)).toEqual(['valid', 'reason', 'code', 'cert']);
    expect(r.json.cert).toMatchObject({
      serial: '1001',
      institution: '重庆市某某人民医院电子签名（valid）',
      issuer: pki.ca.cert.subjectDn,
    });
  });

  const S = '[R-SIGN][ST-EPC-02-008]';
  const L = '[R-LAYOUT][ST-EPC-02-007]';
  const invalid: Array<[string, string, string, () => unknown]> = [
    [
      'a field changed inside originalValue',
      'SIGNATURE_INVALID',
      S,
      () => withEditedPayload(good, (p) => (p.certno = '110101199001011234')),
    ],
    [
      'a drug line changed',
      'DRUG_LINES_TAMPERED',
      S,
      () => ({ ...good, rxdrugdetail: drugLines().map((l, i) => (i ? l : { ...l, drug_cnt: 9 })) }),
    ],
    [
      'the layout file swapped',
      'LAYOUT_FILE_SWAPPED',
      L,
      () => ({ ...good, rx_file: layoutPdf(20 * 1024, 3).toString('base64') }),
    ],
    [
      'signCertSn of another certificate',
      'CERT_SN_MISMATCH',
      S,
      () => ({ ...good, signCertSn: pki.revoked.cert.serialHex }),
    ],
    [
      'x_sign_cert swapped for another (revoked) certificate',
      'CERT_REVOKED',
      S,
      () => ({
        ...good,
        x_sign_cert: pki.revokedAfterSigning.der.toString('base64'),
        signCertSn: pki.revokedAfterSigning.cert.serialHex,
        signCertDn: pki.revokedAfterSigning.cert.subjectDn,
      }),
    ],
    ['an expired certificate', 'CERT_EXPIRED', S, () => buildRxFile(pki.expired)],
    ['a revoked certificate', 'CERT_REVOKED', S, () => buildRxFile(pki.revoked)],
    ['a certificate from an unknown CA', 'CERT_UNKNOWN_CA', S, () => buildRxFile(pki.unknownCa)],
    ['malformed JSON', 'FILE_NOT_JSON', S, () => '{"originalValue": "'],
    ['JSON of the wrong shape', 'FILE_SHAPE', S, () => ({ hello: 'world' })],
  ];

  it.each(invalid)('%s → exit 1, %s %s', (_name, code, tags, make) => {
    const ruleId = tags.startsWith('[R-LAYOUT]') ? 'R-LAYOUT' : 'R-SIGN';
    const r = verify(make());
    expect(r.status).toBe(1);
    expect(r.json).toMatchObject({ valid: false, code, ruleId });
    expect(String(r.json.reason)).toMatch(/[\u4e00-\u9fff]/);
  });

  it('x_sign_cert swapped for a good certificate of the same CA fails the signature [R-SIGN][ST-EPC-02-008]', () => {
    // `revoked` is in good standing under the empty CRL: a genuine certificate, but not the signer's
    const emptyCrl = ws.file('empty.crl', pki.crls.empty.der);
    const swapped = {
      ...good,
      x_sign_cert: pki.revoked.der.toString('base64'),
      signCertSn: pki.revoked.cert.serialHex,
      signCertDn: pki.revoked.cert.subjectDn,
    };
    const r = cli('verify', fileOf(swapped), '--ca', caFile, '--crl', emptyCrl, '--at', AT);
    expect(r.status).toBe(1);
    expect(r.json.code).toBe('SIGNATURE_INVALID');
  });

  it('without a CRL the verdict is invalid and says to pass --crl; --no-crl accepts with a warning [R-SIGN][ST-EPC-02-008]', () => {
    const file = fileOf(good);
    const noCrl = cli('verify', file, '--ca', caFile, '--at', AT);
    expect(noCrl.status).toBe(1);
    expect(noCrl.json).toMatchObject({ valid: false, code: 'CRL_MISSING' });
    expect(String(noCrl.json.reason)).toContain('--crl');
    const skipped = cli('verify', file, '--ca', caFile, '--no-crl', '--at', AT);
    expect(skipped.status).toBe(0);
    expect(skipped.json.valid).toBe(true);
    expect(String(skipped.json.warnings)).toMatch(/吊销列表/);
    // a stale CRL is refused too
    const stale = cli(
      'verify',
      file,
      '--ca',
      caFile,
      '--crl',
      ws.file('stale.crl', pki.crls.stale.der),
      '--at',
      AT,
    );
    expect(stale.json.code).toBe('CRL_STALE');
  });

  it('usage errors exit 2 with Chinese usage on stderr and nothing on stdout [R-SIGN]', () => {
    const leaf = ws.file('leaf.pem', toPem(pki.valid.der));
    const cases = [
      [],
      ['check', 'x'],
      ['verify'],
      ['verify', fileOf(good), '--bogus'],
      ['verify', fileOf(good), '--at', 'yesterday'],
      ['verify', path.join(ws.dir, 'missing.rx.json')],
      ['verify', fileOf(good), '--ca', leaf],
      ['verify', fileOf(good), '--no-crl', '--crl', crlFile],
    ];
    for (const args of cases) {
      const r = cli(...args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain('用法：npm run rx -- verify');
    }
    expect(cli('verify', fileOf(good), '--ca', leaf).stderr).toContain('不是 CA 证书');
  });
});

describe('a prescription whose CA, certificate, CRL and signature were made by OpenSSL 3', () => {
  let rxFile: Record<string, unknown>;
  let opensslCa: string;
  let opensslCrl: string;

  beforeAll(() => {
    ws.file('index.txt', '');
    ws.file('crlnumber', '01\n');
    const cnf = ws.file(
      'ca.cnf',
      `[ca]
default_ca = CA_default
[CA_default]
dir = ${ws.dir}
database = $dir/index.txt
crlnumber = $dir/crlnumber
certificate = $dir/ossl-ca.pem
private_key = $dir/ossl-ca.key
default_md = sm3
default_crl_days = 7
`,
    );
    ws.run(
      'genpkey',
      '-algorithm',
      'EC',
      '-pkeyopt',
      'ec_paramgen_curve:SM2',
      '-out',
      'ossl-ca.key',
    );
    ws.run(
      'req',
      '-new',
      '-x509',
      '-key',
      'ossl-ca.key',
      '-sm3',
      '-sigopt',
      DISTID,
      '-utf8',
      '-subj',
      '/C=CN/ST=重庆市/O=重庆市医疗保障局/CN=OpenSSL 医保电子处方 CA',
      '-days',
      '3650',
      '-addext',
      'basicConstraints=critical,CA:true',
      '-addext',
      'keyUsage=critical,keyCertSign,cRLSign',
      '-out',
      'ossl-ca.pem',
    );
    ws.run('ecparam', '-name', 'SM2', '-genkey', '-noout', '-out', 'ossl-leaf.key');
    ws.run(
      'req',
      '-new',
      '-key',
      'ossl-leaf.key',
      '-sm3',
      '-sigopt',
      DISTID,
      '-utf8',
      '-subj',
      '/C=CN/O=重庆市某某人民医院/CN=重庆市某某人民医院（OpenSSL）/serialNumber=H50010300001',
      '-out',
      'ossl-leaf.csr',
    );
    ws.file(
      'leaf.ext',
      'basicConstraints=CA:false\nkeyUsage=critical,digitalSignature,nonRepudiation\n',
    );
    ws.run(
      'x509',
      '-req',
      '-in',
      'ossl-leaf.csr',
      '-CA',
      'ossl-ca.pem',
      '-CAkey',
      'ossl-ca.key',
      '-sm3',
      '-sigopt',
      DISTID,
      '-vfyopt',
      DISTID,
      '-days',
      '365',
      '-set_serial',
      '0x5A17C0DE',
      '-extfile',
      'leaf.ext',
      '-out',
      'ossl-leaf.pem',
    );
    ws.run('ca', '-config', cnf, '-gencrl', '-sigopt', DISTID, '-out', 'ossl.crl');

    const lines = drugLines(3, 4);
    const pdf = layoutPdf(20 * 1024, 11);
    const originalValue = buildOriginalValue(signedFields(), lines, pdf);
    const msg = ws.file('ossl-msg.bin', Buffer.from(originalValue, 'base64'));
    const sigDer = ws.run('dgst', '-sm3', '-sign', 'ossl-leaf.key', '-sigopt', DISTID, msg);
    const leafDer = fromPem(ws.read('ossl-leaf.pem').toString());
    const serial = ws.run('x509', '-in', 'ossl-leaf.pem', '-noout', '-serial').toString().trim();
    const subject = ws
      .run('x509', '-in', 'ossl-leaf.pem', '-noout', '-subject', '-nameopt', 'RFC2253,-esc_msb')
      .toString()
      .trim()
      .replace(/^subject=/, '');
    rxFile = {
      originalValue,
      signDigest: derSignatureToRaw(sigDer).toString('base64'),
      signCertSn: serial.replace(/^serial=/, ''),
      signCertDn: subject,
      x_sign_cert: leafDer.toString('base64'),
      rxdrugdetail: lines,
      rx_file: pdf.toString('base64'),
    };
    opensslCa = ws.file('ossl-ca.pem');
    opensslCrl = ws.file('ossl.crl');
  });

  it('verifies exactly as ours, and its tampered twin fails the same way [R-SIGN][ST-EPC-02-008]', () => {
    const r = cli('verify', fileOf(rxFile), '--ca', opensslCa, '--crl', opensslCrl);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.json).toMatchObject({ valid: true, code: 'OK' });
    expect(r.json.cert?.serial).toBe('5A17C0DE');
    expect(r.json.cert?.institution).toBe('重庆市某某人民医院（OpenSSL）');

    // in-process verdict with the same trust store agrees, on both engines
    const trust = createTrustStore(
      [parseCertificate(fromPem(ws.read('ossl-ca.pem').toString()))],
      [parseCrl(fromPem(ws.read('ossl.crl').toString(), 'X509 CRL'))],
    );
    for (const engine of ['native', 'sm-crypto'] as const) {
      expect(verifyRxFile(rxFile, { trust, at: new Date(), engine }).code).toBe('OK');
    }
    const tampered = withEditedPayload(rxFile as never, (p) => (p.pharName = '赵药师'));
    const t = cli('verify', fileOf(tampered), '--ca', opensslCa, '--crl', opensslCrl);
    expect(t.status).toBe(1);
    expect(t.json.code).toBe('SIGNATURE_INVALID');
  });

  it('and OpenSSL accepts the signature of one of our files over the same originalValue bytes [R-SIGN]', () => {
    ws.file('our-leaf.pem', toPem(pki.valid.der));
    const pub = ws.run('x509', '-in', 'our-leaf.pem', '-pubkey', '-noout');
    const args = (msgFile: string) => [
      'dgst',
      '-sm3',
      '-verify',
      ws.temp(pub, '.pem'),
      '-sigopt',
      DISTID,
      '-signature',
      ws.temp(rawSignatureToDer(Buffer.from(good.signDigest, 'base64'))),
      msgFile,
    ];
    expect(ws.attempt(...args(ws.temp(Buffer.from(good.originalValue, 'base64')))).ok).toBe(true);
    const edited = withEditedPayload(good, (p) => (p.patnName = '李四'));
    expect(ws.attempt(...args(ws.temp(Buffer.from(edited.originalValue, 'base64')))).ok).toBe(
      false,
    );
  });
});
