import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateSm2KeyPair } from '../../../src/center/crypto';
import {
  createCaCertificate,
  fromPem,
  issueCertificate,
  parseCertificate,
  parseCertificateCached,
  type Sm2Certificate,
  toPem,
  verifyCertificateChain,
  X509Error,
} from '../../../src/center/x509';
import { encodeSm2PublicKeyInfo } from '../../../src/center/x509/algorithms';
import { readDer } from '../../../src/center/x509/asn1-reader';
import {
  nullValue,
  oid,
  printableString,
  sequence,
  setOf,
  unsignedInt,
  utf8String,
} from '../../../src/center/x509/asn1-writer';
import { formatDn, parseName } from '../../../src/center/x509/name';
import { createPkiFixture } from '../../support/pki';
import { buildCertificate, SM3_WITH_SM2_WITH_NULL, spki } from './builders';

const f = createPkiFixture();
const DAY = 86_400_000;
const at = (days: number) => new Date(f.now.getTime() + days * DAY);
const point = (c: Sm2Certificate) => Buffer.from(c.publicKey, 'base64');

function refusal(fn: () => unknown): X509Error {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(X509Error);
    return e as X509Error;
  }
  throw new Error('expected an X509Error');
}

/** A leaf with the given SubjectPublicKeyInfo, correctly signed by the fixture CA. */
const withSpki = (key: Uint8Array, extra: Partial<Parameters<typeof buildCertificate>[0]> = {}) =>
  buildCertificate({
    issuer: f.ca.cert,
    issuerKey: f.ca.keyPair.privateKey,
    spki: key,
    notBefore: at(-1),
    notAfter: at(30),
    ...extra,
  });

describe('issue → parse round trip', () => {
  it('a CA certificate carries what createCaCertificate was given [R-SIGN]', () => {
    const keyPair = generateSm2KeyPair();
    const der = createCaCertificate({
      subject: {
        C: 'CN',
        ST: '重庆市',
        L: '渝中区',
        O: '重庆市医疗保障局',
        OU: '信息中心',
        CN: '测试 CA',
      },
      keyPair,
      serialHex: '00ab',
      notBefore: new Date('2026-01-01T00:00:00.789Z'),
      notAfter: new Date('2056-01-01T00:00:00Z'),
      pathLen: 0,
    });
    const ca = parseCertificate(der);
    expect(ca).toMatchObject({
      version: 3,
      serialHex: 'AB',
      subjectDn: 'CN=测试 CA,OU=信息中心,O=重庆市医疗保障局,L=渝中区,ST=重庆市,C=CN',
      issuerDn: 'CN=测试 CA,OU=信息中心,O=重庆市医疗保障局,L=渝中区,ST=重庆市,C=CN',
      publicKey: keyPair.publicKey,
      signatureAlgorithmOid: '1.2.156.10197.1.501',
      isCa: true,
      pathLenConstraint: 0,
      keyUsage: ['keyCertSign', 'cRLSign'],
      unhandledCriticalExtensions: [],
    });
    expect(ca.notBefore.toISOString()).toBe('2026-01-01T00:00:00.000Z'); // whole seconds
    expect(ca.notAfter.toISOString()).toBe('2056-01-01T00:00:00.000Z'); // GeneralizedTime
    const ski = crypto.createHash('sha1').update(point(ca)).digest('hex').toUpperCase();
    expect(ca.subjectKeyIdHex).toBe(ski);
    expect(ca.authorityKeyIdHex).toBe(ski);
    expect(Buffer.from(ca.der).equals(der)).toBe(true);
    expect(ca.fingerprintHex).toBe(
      crypto.createHash('sha256').update(der).digest('hex').toUpperCase(),
    );
    expect(Buffer.from(ca.tbsDer).equals(der.subarray(4, 4 + ca.tbsDer.length))).toBe(true);
  });

  it('an institution certificate names its CA, key usage for signing [R-SIGN]', () => {
    const c = f.valid.cert;
    expect(c.issuerDn).toBe(f.ca.cert.subjectDn);
    expect(Buffer.from(c.issuerNameDer).equals(f.ca.cert.subjectNameDer)).toBe(true);
    expect(c.serialHex).toBe('1001');
    expect(c.isCa).toBe(false);
    expect(c.keyUsage).toEqual(['digitalSignature', 'nonRepudiation']);
    expect(c.authorityKeyIdHex).toBe(f.ca.cert.subjectKeyIdHex);
    expect(c.publicKey).toBe(f.valid.keyPair.publicKey);
    expect(c.notBefore.toISOString()).toBe(at(-30).toISOString());
    expect(c.subject.flat().map((a) => a.type)).toEqual([
      'C',
      'ST',
      'L',
      'O',
      'OU',
      'CN',
      'serialNumber',
    ]);
  });

  it('issuing refuses wrong inputs with Chinese messages [R-SIGN]', () => {
    const base = {
      issuer: { cert: f.ca.cert, privateKey: f.ca.keyPair.privateKey },
      subject: { CN: '某医院' },
      publicKey: generateSm2KeyPair().publicKey,
      serialHex: '10',
      notBefore: at(-1),
      notAfter: at(1),
    };
    expect(() =>
      issueCertificate({
        ...base,
        issuer: { cert: f.valid.cert, privateKey: f.valid.keyPair.privateKey },
      }),
    ).toThrow(/签发者证书不是 CA 证书/);
    expect(() =>
      issueCertificate({
        ...base,
        issuer: { cert: f.ca.cert, privateKey: f.otherCa.keyPair.privateKey },
      }),
    ).toThrow(/私钥与证书公钥不匹配/);
    expect(() => issueCertificate({ ...base, notAfter: base.notBefore })).toThrow(
      /有效期截止时间必须晚于起始时间/,
    );
    expect(() => issueCertificate({ ...base, serialHex: 'xyz' })).toThrow(/不是十六进制/);
    expect(() => issueCertificate({ ...base, serialHex: '0000' })).toThrow(/不能为 0/);
    expect(() => issueCertificate({ ...base, serialHex: 'ff'.repeat(20) })).toThrow(/超过 20 字节/);
    expect(() => issueCertificate({ ...base, subject: { CN: '' } })).toThrow(/CN/);
    expect(() => issueCertificate({ ...base, subject: { C: '中国', CN: 'x' } })).toThrow(
      /PrintableString/,
    );
    expect(() => issueCertificate({ ...base, publicKey: 'AAAA' })).toThrow(/SM2 公钥格式无效/);
    expect(issueCertificate({ ...base, serialHex: '7f'.repeat(20) })).toBeInstanceOf(Buffer);
  });

  it('PEM in and out; junk in the Base64 body is refused, not skipped [ARCH]', () => {
    const pem = toPem(f.valid.der);
    expect(pem).toMatch(
      /^-----BEGIN CERTIFICATE-----\n[A-Za-z0-9+/=\n]+-----END CERTIFICATE-----\n$/,
    );
    expect(pem.split('\n').every((l) => l.length <= 64)).toBe(true);
    expect(fromPem(`text before\n${pem}text after`).equals(f.valid.der)).toBe(true);
    expect(refusal(() => fromPem(pem.replace('MII', 'M*I'))).code).toBe('MALFORMED');
    expect(refusal(() => fromPem(pem, 'X509 CRL')).code).toBe('MALFORMED');
    expect(refusal(() => fromPem('nothing here')).code).toBe('MALFORMED');
  });

  it('parseCertificateCached hands back the same parsed object for the same bytes [ARCH]', () => {
    const a = parseCertificateCached(Buffer.from(f.ca.der));
    expect(parseCertificateCached(Buffer.from(f.ca.der))).toBe(a);
    expect(parseCertificateCached(f.valid.der)).not.toBe(a);
  });

  it('the parsed certificate owns its bytes: later changes to the input do not reach it [R-SIGN]', () => {
    const input = Buffer.from(f.valid.der);
    const cert = parseCertificate(input);
    input.fill(0);
    expect(
      verifyCertificateChain(cert, { trustedCas: [f.ca.cert], crls: [f.crls.fresh.crl], at: f.now })
        .ok,
    ).toBe(true);
  });
});

describe('SM2 only: key and signature algorithms', () => {
  const sm2Point = point(f.valid.cert);

  it('accepts the SM2 OID as key algorithm (older OpenSSL / GmSSL form), with or without parameters [R-SIGN][ST-EPC-02-008]', () => {
    for (const params of [null, nullValue(), oid('1.2.156.10197.1.301')]) {
      const c = parseCertificate(withSpki(spki('1.2.156.10197.1.301', params, sm2Point)));
      expect(c.publicKey).toBe(f.valid.cert.publicKey);
    }
    expect(parseCertificate(withSpki(encodeSm2PublicKeyInfo(sm2Point))).publicKey).toBe(
      f.valid.cert.publicKey,
    );
  });

  it('accepts SM3withSM2 with explicit NULL parameters in both places [R-SIGN]', () => {
    const der = withSpki(encodeSm2PublicKeyInfo(sm2Point), {
      innerAlgorithm: SM3_WITH_SM2_WITH_NULL,
      outerAlgorithm: SM3_WITH_SM2_WITH_NULL,
    });
    expect(
      verifyCertificateChain(der, { trustedCas: [f.ca.cert], crls: [f.crls.fresh.crl], at: f.now })
        .ok,
    ).toBe(true);
  });

  it('refuses other curves, explicit parameters, compressed or off-curve points [R-SIGN][ST-EPC-02-008]', () => {
    const p256 = refusal(() =>
      parseCertificate(withSpki(spki('1.2.840.10045.2.1', oid('1.2.840.10045.3.1.7'), sm2Point))),
    );
    expect(p256).toMatchObject({
      code: 'NOT_SM2',
      message: '证书公钥算法为 NIST P-256，不是国密 SM2；仅接受 SM2 证书',
    });
    const explicitParams = refusal(() =>
      parseCertificate(
        withSpki(spki('1.2.840.10045.2.1', sequence(unsignedInt(Buffer.from([1]))), sm2Point)),
      ),
    );
    expect(explicitParams.message).toMatch(/显式椭圆曲线参数/);
    const compressed = Buffer.concat([
      Buffer.from([2 + ((sm2Point[64] ?? 0) & 1)]),
      sm2Point.subarray(1, 33),
    ]);
    expect(
      refusal(() => parseCertificate(withSpki(encodeSm2PublicKeyInfo(compressed)))).message,
    ).toMatch(/65 字节未压缩点/);
    const offCurve = Buffer.from(sm2Point);
    offCurve[64] = (offCurve[64] ?? 0) ^ 1;
    expect(refusal(() => parseCertificate(withSpki(encodeSm2PublicKeyInfo(offCurve)))).code).toBe(
      'NOT_SM2',
    );
    const rsa = refusal(() =>
      parseCertificate(withSpki(spki('1.2.840.113549.1.1.1', nullValue(), Buffer.alloc(10)))),
    );
    expect(rsa.message).toBe('证书公钥算法为 RSA，不是国密 SM2；仅接受 SM2 证书');
  });

  it('refuses signature algorithms other than SM3withSM2, and inner/outer mismatches [R-SIGN][ST-EPC-02-008]', () => {
    const ecdsa = sequence(oid('1.2.840.10045.4.3.2'));
    const e = refusal(() =>
      parseCertificate(
        withSpki(encodeSm2PublicKeyInfo(sm2Point), {
          innerAlgorithm: ecdsa,
          outerAlgorithm: ecdsa,
        }),
      ),
    );
    expect(e).toMatchObject({ code: 'NOT_SM2' });
    expect(e.message).toMatch(/签名算法为 ECDSA-SHA256，不是国密 SM3withSM2/);
    const mismatch = refusal(() =>
      parseCertificate(
        withSpki(encodeSm2PublicKeyInfo(sm2Point), { outerAlgorithm: SM3_WITH_SM2_WITH_NULL }),
      ),
    );
    expect(mismatch.detail).toMatch(/inner and outer/);
  });

  it('reads an X.509 v1 certificate (no extensions: not a CA, no key usage) [R-SIGN]', () => {
    const c = parseCertificate(withSpki(encodeSm2PublicKeyInfo(sm2Point), { v1: true }));
    expect(c).toMatchObject({ version: 1, isCa: false, keyUsage: null });
    expect(c.subjectKeyIdHex).toBeUndefined();
  });
});

describe('distinguished names (RFC 4514 strings)', () => {
  const dn = (rdns: Buffer[]) => formatDn(parseName(readDer(sequence(...rdns), 'n'), 'n'));
  const atv = (type: string, value: Buffer) => sequence(oid(type), value);

  it('escapes special characters, keeps Chinese, joins multi-valued RDNs with + [ARCH]', () => {
    expect(
      dn([
        setOf(atv('2.5.4.6', printableString('CN'))),
        setOf(atv('2.5.4.10', utf8String('某某, 医院+分院'))),
        setOf(atv('2.5.4.11', utf8String('#药剂科 ')), atv('2.5.4.3', utf8String('张三"李四"'))),
      ]),
    ).toBe('OU=\\#药剂科\\ +CN=张三\\"李四\\",O=某某\\, 医院\\+分院,C=CN');
  });

  it('unknown attribute types appear as dotted OID = #hex of the value [ARCH]', () => {
    expect(dn([setOf(atv('1.2.3.4', utf8String('x')))])).toBe('1.2.3.4=#0c0178');
  });

  it('our names match what `openssl -nameopt RFC2253,-esc_msb` prints (see openssl-interop) [ARCH]', () => {
    expect(f.ca.cert.subjectDn).toBe(
      'CN=医保电子处方测试 CA,OU=电子处方中心,O=重庆市医疗保障局,ST=重庆市,C=CN',
    );
  });
});
