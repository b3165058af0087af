import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawSignatureToDer, sm2PublicKeyFromPem } from '../../../src/center/crypto';
import {
  type ChainResult,
  createCrl,
  fromPem,
  type ParsedCrl,
  parseCertificate,
  parseCrl,
  type Sm2Certificate,
  toPem,
  verifyCertificateChain,
  verifyCrl,
  wasRevokedBefore,
  X509Error,
} from '../../../src/center/x509';
import { createPkiFixture, type Issued, resign } from '../../support/pki';
import { DISTID, OpenSslWorkspace, opensslTime } from './openssl';

const DAY = 86_400_000;
const ws = new OpenSslWorkspace();
afterAll(() => ws.dispose());

const now = new Date();
const at = (days: number) => new Date(now.getTime() + days * DAY);

/** An SM2 CA and its certificates made entirely by the OpenSSL CLI (`openssl ca`). */
interface OpenSslPki {
  ca: Sm2Certificate;
  leaf: Record<
    'valid' | 'expired' | 'notYet' | 'revoked' | 'compromised' | 'x509req' | 'noDistid',
    Sm2Certificate
  >;
  crl: Record<'fresh' | 'stale' | 'emptyId', ParsedCrl>;
}
let o: OpenSslPki;

const CA_SUBJ = '/C=CN/ST=重庆市/O=重庆市医疗保障局/OU=电子处方中心/CN=OpenSSL 测试 CA';
const leafSubj = (name: string) =>
  `/C=CN/ST=重庆市/L=渝中区/O=重庆市某某医院/OU=药剂科/CN=某某医院电子签名 ${name}`;

function caConfig(): string {
  const dir = ws.dir;
  ws.file('index.txt', '');
  ws.file('serial', '1000\n');
  ws.file('crlnumber', '01\n');
  return ws.file(
    'ca.cnf',
    `[ca]
default_ca = CA_default
[CA_default]
dir = ${dir}
database = $dir/index.txt
serial = $dir/serial
crlnumber = $dir/crlnumber
new_certs_dir = $dir
certificate = $dir/ca.pem
private_key = $dir/ca.key
default_md = sm3
default_days = 30
default_crl_days = 7
policy = policy_any
preserve = yes
unique_subject = no
utf8 = yes
string_mask = utf8only
[policy_any]
countryName = optional
stateOrProvinceName = optional
localityName = optional
organizationName = optional
organizationalUnitName = optional
commonName = supplied
[v3_ca]
basicConstraints = critical,CA:true
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
[leaf]
basicConstraints = CA:false
keyUsage = critical,digitalSignature,nonRepudiation
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
`,
  );
}

function buildOpenSslPki(): OpenSslPki {
  const cnf = caConfig();
  const pem = (name: string) => ws.read(name).toString();
  const cert = (name: string) => parseCertificate(fromPem(pem(name)));
  const crl = (name: string) => parseCrl(fromPem(pem(name), 'X509 CRL'));

  ws.run('genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:SM2', '-out', 'ca.key');
  ws.run(
    'req',
    '-new',
    '-key',
    'ca.key',
    '-sm3',
    '-sigopt',
    DISTID,
    '-utf8',
    '-subj',
    CA_SUBJ,
    '-out',
    'ca.csr',
  );
  // `ca -selfsign` because `req -x509` cannot backdate notBefore in OpenSSL 3.0.
  ws.run(
    'ca',
    '-batch',
    '-config',
    cnf,
    '-selfsign',
    '-keyfile',
    'ca.key',
    '-extensions',
    'v3_ca',
    '-in',
    'ca.csr',
    '-out',
    'ca.pem',
    '-notext',
    '-startdate',
    opensslTime(at(-730)),
    '-enddate',
    opensslTime(at(3000)),
    '-sigopt',
    DISTID,
    '-vfyopt',
    DISTID,
  );

  const issue = (name: string, from: Date, to: Date) => {
    // the second key generation path OpenSSL offers for SM2
    ws.run('ecparam', '-name', 'SM2', '-genkey', '-noout', '-out', `${name}.key`);
    ws.run(
      'req',
      '-new',
      '-key',
      `${name}.key`,
      '-sm3',
      '-sigopt',
      DISTID,
      '-utf8',
      '-subj',
      leafSubj(name),
      '-out',
      `${name}.csr`,
    );
    ws.run(
      'ca',
      '-batch',
      '-config',
      cnf,
      '-extensions',
      'leaf',
      '-in',
      `${name}.csr`,
      '-out',
      `${name}.pem`,
      '-notext',
      '-rand_serial',
      '-startdate',
      opensslTime(from),
      '-enddate',
      opensslTime(to),
      '-sigopt',
      DISTID,
      '-vfyopt',
      DISTID,
    );
  };
  issue('valid', at(-30), at(335));
  issue('expired', at(-400), at(-35));
  issue('notYet', at(10), at(375));
  issue('revoked', at(-30), at(335));
  issue('compromised', at(-30), at(335));
  ws.run('ca', '-config', cnf, '-revoke', 'revoked.pem', '-crl_reason', 'superseded');
  ws.run(
    'ca',
    '-config',
    cnf,
    '-revoke',
    'compromised.pem',
    '-crl_compromise',
    opensslTime(at(-10)),
  );

  // the `x509 -req` path, with and without the distinguishing id on the CA's signature
  ws.file(
    'leaf.ext',
    'basicConstraints=CA:false\nkeyUsage=critical,digitalSignature,nonRepudiation\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n',
  );
  ws.run(
    'x509',
    '-req',
    '-in',
    'valid.csr',
    '-CA',
    'ca.pem',
    '-CAkey',
    'ca.key',
    '-set_serial',
    '0x0A1B2C',
    '-sm3',
    '-sigopt',
    DISTID,
    '-vfyopt',
    DISTID,
    '-days',
    '30',
    '-extfile',
    'leaf.ext',
    '-out',
    'x509req.pem',
  );
  ws.run(
    'x509',
    '-req',
    '-in',
    'valid.csr',
    '-CA',
    'ca.pem',
    '-CAkey',
    'ca.key',
    '-set_serial',
    '0x0A1B2D',
    '-sm3',
    '-vfyopt',
    DISTID,
    '-days',
    '30',
    '-extfile',
    'leaf.ext',
    '-out',
    'noDistid.pem',
  );

  const gencrl = (name: string, from: Date, to: Date, withId = true) =>
    ws.run(
      'ca',
      '-config',
      cnf,
      '-gencrl',
      '-crl_lastupdate',
      opensslTime(from),
      '-crl_nextupdate',
      opensslTime(to),
      ...(withId ? ['-sigopt', DISTID] : []),
      '-out',
      name,
    );
  gencrl('fresh.crl', new Date(now.getTime() - 3_600_000), at(7));
  gencrl('stale.crl', at(-30), at(-23));
  gencrl('emptyId.crl', new Date(now.getTime() - 3_600_000), at(7), false);

  return {
    ca: cert('ca.pem'),
    leaf: {
      valid: cert('valid.pem'),
      expired: cert('expired.pem'),
      notYet: cert('notYet.pem'),
      revoked: cert('revoked.pem'),
      compromised: cert('compromised.pem'),
      x509req: cert('x509req.pem'),
      noDistid: cert('noDistid.pem'),
    },
    crl: { fresh: crl('fresh.crl'), stale: crl('stale.crl'), emptyId: crl('emptyId.crl') },
  };
}

/** When ours verifies: after `openssl ca -revoke` stamped its (real-clock) revocation times. */
let verifyAt: Date;
beforeAll(() => {
  o = buildOpenSslPki();
  verifyAt = new Date();
});

const failure = (r: ChainResult) => (r.ok ? 'OK' : r.code);

describe('certificates and CRLs made by OpenSSL 3, read by ours', () => {
  it('parses every field the way OpenSSL itself reports it, Chinese names intact [R-SIGN][ST-EPC-02-008]', () => {
    for (const name of ['ca', 'valid', 'x509req'] as const) {
      const c = name === 'ca' ? o.ca : o.leaf[name];
      const file = `${name}.pem`;
      const view = ws
        .run(
          'x509',
          '-in',
          file,
          '-noout',
          '-subject',
          '-issuer',
          '-serial',
          '-dates',
          '-nameopt',
          'RFC2253,-esc_msb',
          '-dateopt',
          'iso_8601',
        )
        .toString();
      expect(view).toContain(`subject=${c.subjectDn}\n`);
      expect(view).toContain(`issuer=${c.issuerDn}\n`);
      expect(view).toContain(`serial=${c.serialHex}\n`);
      const date = (label: string) =>
        new Date(
          /=(.*)/
            .exec(view.split('\n').find((l) => l.startsWith(label)) ?? '')?.[1]
            ?.replace(' ', 'T') ?? '',
        );
      expect(c.notBefore.getTime()).toBe(date('notBefore').getTime());
      expect(c.notAfter.getTime()).toBe(date('notAfter').getTime());
      expect(c.publicKey).toBe(
        sm2PublicKeyFromPem(ws.run('x509', '-in', file, '-noout', '-pubkey').toString()),
      );
      const ext = ws
        .run('x509', '-in', file, '-noout', '-ext', 'subjectKeyIdentifier,authorityKeyIdentifier')
        .toString()
        .replace(/:/g, '');
      expect(ext).toContain(c.subjectKeyIdHex);
      if (name !== 'ca') expect(ext).toContain(c.authorityKeyIdHex);
      expect(c.signatureAlgorithmOid).toBe('1.2.156.10197.1.501');
      expect(c.signatureRaw).toHaveLength(64);
    }
    expect(o.ca.subjectDn).toBe(
      'CN=OpenSSL 测试 CA,OU=电子处方中心,O=重庆市医疗保障局,ST=重庆市,C=CN',
    );
    expect(o.ca.isCa).toBe(true);
    expect(o.ca.keyUsage).toEqual(['keyCertSign', 'cRLSign']);
    expect(o.leaf.valid.isCa).toBe(false);
    expect(o.leaf.valid.keyUsage).toEqual(['digitalSignature', 'nonRepudiation']);
    expect(o.leaf.x509req.serialHex).toBe('0A1B2C');
  });

  it('reads OpenSSL CRLs: entries, reasons, invalidity date, CRL number [R-SIGN][ST-EPC-02-008]', () => {
    const crl = o.crl.fresh;
    expect(crl.issuerDn).toBe(o.ca.subjectDn);
    expect(crl.version).toBe(2);
    expect(crl.crlNumberHex).toBeDefined();
    expect(crl.revoked.size).toBe(2);
    const revoked = crl.revoked.get(o.leaf.revoked.serialHex);
    expect(revoked?.reason).toBe('superseded');
    const compromised = crl.revoked.get(o.leaf.compromised.serialHex);
    expect(compromised?.reason).toBe('keyCompromise');
    expect(compromised?.invalidityDate?.getTime()).toBe(
      Math.floor(at(-10).getTime() / 1000) * 1000,
    );
    const text = ws.run('crl', '-in', 'fresh.crl', '-noout', '-text').toString();
    expect(text).toContain(`Serial Number: ${o.leaf.revoked.serialHex}`);
    expect(verifyCrl(crl, o.ca)).toBe(true);
    expect(verifyCrl(o.crl.stale, o.ca)).toBe(true);
  });

  it('the OpenSSL chain gives the same verdicts with ours as with `openssl verify` [R-SIGN][ST-EPC-02-008]', () => {
    const crls = [o.crl.fresh];
    const verdict = (c: Sm2Certificate) =>
      failure(verifyCertificateChain(c, { trustedCas: [o.ca], crls, at: verifyAt }));
    expect(verdict(o.leaf.valid)).toBe('OK');
    expect(verdict(o.leaf.x509req)).toBe('OK');
    expect(verdict(o.leaf.expired)).toBe('EXPIRED');
    expect(verdict(o.leaf.notYet)).toBe('NOT_YET_VALID');
    expect(verdict(o.leaf.revoked)).toBe('REVOKED');
    expect(verdict(o.leaf.compromised)).toBe('REVOKED');
    // signed by OpenSSL without the distinguishing id: Z differs, so the signature is wrong
    expect(verdict(o.leaf.noDistid)).toBe('BAD_CERT_SIGNATURE');

    // OpenSSL's own verdicts (its CRL check is unusable for SM2 CRLs with the id; see openssl.ts)
    const theirs = (name: string) =>
      ws.attempt('verify', '-CAfile', 'ca.pem', '-vfyopt', DISTID, `${name}.pem`);
    expect(theirs('valid').ok).toBe(true);
    expect(theirs('x509req').ok).toBe(true);
    expect(theirs('expired').out).toMatch(/certificate has expired/);
    expect(theirs('notYet').out).toMatch(/certificate is not yet valid/);
    expect(theirs('noDistid').out).toMatch(/certificate signature failure/);
  });

  it('the OpenSSL chain without a CRL at hand, with a stale one, with one signed without the id [R-SIGN][ST-EPC-02-008]', () => {
    const run = (c: Sm2Certificate, crls: ParsedCrl[], requireCrl?: boolean) =>
      verifyCertificateChain(c, { trustedCas: [o.ca], crls, at: verifyAt, requireCrl });
    expect(failure(run(o.leaf.valid, []))).toBe('CRL_MISSING');
    expect(failure(run(o.leaf.revoked, []))).toBe('CRL_MISSING');
    const lenient = run(o.leaf.revoked, [], false);
    expect(lenient.ok && lenient.revocation).toBe('CRL_MISSING');
    expect(failure(run(o.leaf.expired, []))).toBe('EXPIRED');

    expect(failure(run(o.leaf.valid, [o.crl.stale]))).toBe('CRL_STALE');
    expect(failure(run(o.leaf.revoked, [o.crl.stale]))).toBe('REVOKED'); // stale still proves it
    // fresh beats stale when both are at hand
    expect(failure(run(o.leaf.valid, [o.crl.stale, o.crl.fresh]))).toBe('OK');

    // `openssl ca -gencrl` without -sigopt signs with the empty id: not our convention
    expect(verifyCrl(o.crl.emptyId, o.ca)).toBe(false);
    expect(verifyCrl(o.crl.emptyId, o.ca, '')).toBe(true);
    expect(failure(run(o.leaf.valid, [o.crl.emptyId]))).toBe('CRL_BAD_SIGNATURE');
    expect(failure(run(o.leaf.valid, [o.crl.emptyId, o.crl.fresh]))).toBe('OK');
  });

  it('revocation dates and invalidity dates decide "revoked before or after signing" [R-SIGN][ST-EPC-02-008]', () => {
    const signedAt = at(-3);
    const run = (c: Sm2Certificate) =>
      verifyCertificateChain(c, {
        trustedCas: [o.ca],
        crls: [o.crl.fresh],
        at: verifyAt,
        signedAt,
      });
    const later = run(o.leaf.revoked);
    expect(!later.ok && later.revokedAfterSigning).toBe(true); // revoked just now, signed 3 days ago
    expect(!later.ok && later.message).toMatch(/吊销发生在处方签名之后/);
    const earlier = run(o.leaf.compromised);
    expect(!earlier.ok && earlier.revokedAfterSigning).toBe(false); // key compromised 10 days ago
    expect(wasRevokedBefore(o.crl.fresh, o.leaf.revoked.serialHex, signedAt)).toBeUndefined();
    expect(wasRevokedBefore(o.crl.fresh, o.leaf.compromised.serialHex, signedAt)?.reason).toBe(
      'keyCompromise',
    );
  });

  it('OpenSSL 3.0 checks CRL signatures only with the empty SM2 id (documented limitation) [ARCH]', () => {
    const check = (crl: string, leaf: string) =>
      ws.attempt(
        'verify',
        '-CAfile',
        'ca.pem',
        '-vfyopt',
        DISTID,
        '-crl_check',
        '-CRLfile',
        crl,
        leaf,
      );
    expect(check('fresh.crl', 'valid.pem').out).toMatch(/CRL signature failure/);
    expect(check('emptyId.crl', 'valid.pem').ok).toBe(true);
    expect(check('emptyId.crl', 'revoked.pem').out).toMatch(/certificate revoked/);
    expect(ws.attempt('crl', '-in', 'fresh.crl', '-CAfile', 'ca.pem', '-noout').out).toMatch(
      /verify failure/,
    );
    expect(ws.attempt('crl', '-in', 'emptyId.crl', '-CAfile', 'ca.pem', '-noout').out).toMatch(
      /verify OK/,
    );
  });
});

describe('certificates and CRLs made by ours, read by OpenSSL 3', () => {
  const f = createPkiFixture();
  const attime = String(Math.floor(f.now.getTime() / 1000));
  const pemFile = (i: Issued) => ws.temp(toPem(i.der), '.pem');
  let caFile = '';
  beforeAll(() => {
    caFile = ws.temp(toPem(f.ca.der), '.pem');
  });
  const verify = (leaf: string, ...extra: string[]) =>
    ws.attempt('verify', '-CAfile', caFile, '-vfyopt', DISTID, '-attime', attime, ...extra, leaf);

  it('`openssl verify` accepts our valid certificate and refuses the bad ones for the same reasons [R-SIGN][ST-EPC-02-008]', () => {
    expect(verify(pemFile(f.valid))).toEqual({ ok: true, out: expect.stringMatching(/OK/) });
    expect(verify(pemFile(f.revokedAfterSigning)).ok).toBe(true); // no CRL given: dates and signature only
    expect(verify(pemFile(f.expired)).out).toMatch(/certificate has expired/);
    expect(verify(pemFile(f.notYetValid)).out).toMatch(/certificate is not yet valid/);
    expect(verify(pemFile(f.unknownCa)).out).toMatch(/unable to get local issuer certificate/);
    expect(verify(pemFile(f.wrongSignature)).out).toMatch(/certificate signature failure/);
    // and without the distinguishing id OpenSSL computes another Z: our signature is not for that
    expect(ws.attempt('verify', '-CAfile', caFile, '-attime', attime, pemFile(f.valid)).ok).toBe(
      false,
    );
  });

  it('`openssl verify -crl_check` finds our revocations (CRL signed with the id OpenSSL 3.0 uses) [R-SIGN][ST-EPC-02-008]', () => {
    const opensslCompatible = createCrl({
      issuer: f.ca.cert,
      privateKey: f.ca.keyPair.privateKey,
      thisUpdate: new Date(f.now.getTime() - 3_600_000),
      nextUpdate: new Date(f.now.getTime() + 7 * DAY),
      revoked: [
        {
          serialHex: f.revoked.cert.serialHex,
          revokedAt: new Date(f.now.getTime() - 5 * DAY),
          reason: 'keyCompromise',
        },
      ],
      userId: '',
    });
    const crlFile = ws.temp(toPem(opensslCompatible, 'X509 CRL'), '.crl');
    expect(verify(pemFile(f.valid), '-crl_check', '-CRLfile', crlFile).ok).toBe(true);
    expect(verify(pemFile(f.revoked), '-crl_check', '-CRLfile', crlFile).out).toMatch(
      /certificate revoked/,
    );
    expect(ws.attempt('crl', '-in', crlFile, '-CAfile', caFile, '-noout').out).toMatch(/verify OK/);
    // our standard CRL (id 1234567812345678) is exactly what OpenSSL 3.0 cannot check
    const standard = ws.temp(toPem(f.crls.fresh.der, 'X509 CRL'), '.crl');
    expect(verify(pemFile(f.valid), '-crl_check', '-CRLfile', standard).out).toMatch(
      /CRL signature failure/,
    );
  });

  it('`openssl x509 -text` / `crl -text` show the fields we wrote [R-SIGN][ST-EPC-02-008]', () => {
    const text = ws
      .run('x509', '-in', pemFile(f.valid), '-noout', '-text', '-nameopt', 'RFC2253,-esc_msb')
      .toString();
    expect(text).toMatch(/Version: 3 \(0x2\)/);
    expect(text).toMatch(/Serial Number: 4097 \(0x1001\)/);
    expect(text).toMatch(/Signature Algorithm: SM2-with-SM3/);
    expect(text).toContain(`Issuer: ${f.ca.cert.subjectDn}`);
    expect(text).toContain(`Subject: ${f.valid.cert.subjectDn}`);
    expect(f.valid.cert.subjectDn).toContain(
      'CN=重庆市某某人民医院电子签名（valid）,OU=药剂科,O=重庆市某某人民医院,L=渝中区,ST=重庆市,C=CN',
    );
    expect(text).toMatch(/ASN1 OID: SM2/);
    expect(text).toMatch(/Basic Constraints: critical\s+CA:FALSE/);
    expect(text).toMatch(/Key Usage: critical\s+Digital Signature, Non Repudiation/);
    const colonHex = (h?: string) => (h ?? '').match(/../g)?.join(':');
    expect(text).toContain(colonHex(f.valid.cert.subjectKeyIdHex));
    expect(text).toContain(colonHex(f.ca.cert.subjectKeyIdHex));

    const caText = ws.run('x509', '-in', caFile, '-noout', '-text').toString();
    expect(caText).toMatch(/Basic Constraints: critical\s+CA:TRUE/);
    expect(caText).toMatch(/Key Usage: critical\s+Certificate Sign, CRL Sign/);

    const crlText = ws
      .run('crl', '-in', ws.temp(toPem(f.crls.fresh.der, 'X509 CRL')), '-noout', '-text')
      .toString();
    expect(crlText).toMatch(/Version 2/);
    expect(crlText).toMatch(
      /Serial Number: 1004\s+Revocation Date: .*\s+CRL entry extensions:\s+X509v3 CRL Reason Code:\s+Key Compromise/,
    );
    expect(crlText).toMatch(/Serial Number: 1005[\s\S]*Affiliation Changed/);
    expect(crlText).toMatch(/X509v3 CRL Number/);
  });

  it('self-signatures agree both ways (OpenSSL `dgst -sm3 -sigopt distid` on the tbsCertificate) [R-SIGN][ST-EPC-02-008]', () => {
    const tbsFile = ws.temp(f.ca.cert.tbsDer);
    const sigFile = ws.temp(rawSignatureToDer(f.ca.cert.signatureRaw));
    const pubFile = ws.temp(ws.run('x509', '-in', caFile, '-noout', '-pubkey'));
    const dgst = (id: string) =>
      ws.attempt(
        'dgst',
        '-sm3',
        '-verify',
        pubFile,
        '-sigopt',
        `distid:${id}`,
        '-signature',
        sigFile,
        tbsFile,
      );
    expect(dgst('1234567812345678').out).toMatch(/Verified OK/);
    expect(dgst('1111111111111111').ok).toBe(false);
    // and OpenSSL's self-signed CA verifies as a chain of one with ours
    const self = verifyCertificateChain(o.ca, {
      trustedCas: [o.ca],
      crls: [o.crl.fresh],
      at: verifyAt,
    });
    expect(self.ok).toBe(true);
    // a re-signed copy of OpenSSL's CA (same tbs, another key) does not
    const forged = parseCertificate(resign(o.ca.der, f.impostorCa.keyPair.privateKey));
    expect(
      failure(
        verifyCertificateChain(forged, { trustedCas: [o.ca], crls: [o.crl.fresh], at: verifyAt }),
      ),
    ).toBe('BAD_CERT_SIGNATURE');
  });
});

describe('non-SM2 certificates made by OpenSSL are refused with a clear message', () => {
  const refused = (args: string[], name: string) => {
    ws.run(...args);
    const der = fromPem(ws.read(name).toString());
    let error: unknown;
    try {
      parseCertificate(der);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(X509Error);
    const chain = verifyCertificateChain(der, {
      trustedCas: [o.ca],
      crls: [o.crl.fresh],
      at: verifyAt,
    });
    expect(chain.ok).toBe(false);
    if (!chain.ok) expect(chain.message).toBe((error as X509Error).message);
    return error as X509Error;
  };

  it('RSA [R-SIGN][ST-EPC-02-008]', () => {
    const e = refused(
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        'rsa.key',
        '-subj',
        '/CN=rsa',
        '-days',
        '1',
        '-out',
        'rsa.pem',
      ],
      'rsa.pem',
    );
    expect(e.code).toBe('NOT_SM2');
    expect(e.message).toBe('证书公钥算法为 RSA，不是国密 SM2；仅接受 SM2 证书');
  });

  it('ECDSA P-256, self-signed and issued by an SM2 CA [R-SIGN][ST-EPC-02-008]', () => {
    const self = refused(
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:P-256',
        '-nodes',
        '-keyout',
        'p256.key',
        '-subj',
        '/CN=p256',
        '-days',
        '1',
        '-out',
        'p256.pem',
      ],
      'p256.pem',
    );
    expect(self.message).toMatch(/NIST P-256，不是国密 SM2/);
    ws.run('req', '-new', '-key', 'p256.key', '-subj', '/CN=p256 leaf', '-out', 'p256.csr');
    // an ECDSA CSR is checked without -vfyopt (the id is an SM2-only parameter)
    const issued = refused(
      [
        'x509',
        '-req',
        '-in',
        'p256.csr',
        '-CA',
        'ca.pem',
        '-CAkey',
        'ca.key',
        '-sm3',
        '-sigopt',
        DISTID,
        '-days',
        '1',
        '-out',
        'p256-by-sm2.pem',
      ],
      'p256-by-sm2.pem',
    );
    expect(issued.code).toBe('NOT_SM2');
    expect(issued.message).toMatch(/NIST P-256/);
  });

  it('Ed25519 [R-SIGN][ST-EPC-02-008]', () => {
    const e = refused(
      [
        'req',
        '-x509',
        '-newkey',
        'ed25519',
        '-nodes',
        '-keyout',
        'ed.key',
        '-subj',
        '/CN=ed',
        '-days',
        '1',
        '-out',
        'ed.pem',
      ],
      'ed.pem',
    );
    expect(e.message).toMatch(/Ed25519/);
  });
});
