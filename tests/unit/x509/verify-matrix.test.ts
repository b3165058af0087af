import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateSm2KeyPair } from '../../../src/center/crypto';
import {
  type ChainResult,
  createCaCertificate,
  createCrl,
  issueCertificate,
  type ParsedCrl,
  parseCertificate,
  parseCrl,
  verifyCertificateChain,
  verifyCrl,
  wasRevokedBefore,
} from '../../../src/center/x509';
import { encodeSm2PublicKeyInfo } from '../../../src/center/x509/algorithms';
import { octetString, smallInt } from '../../../src/center/x509/asn1-writer';
import { createPkiFixture, type Issued } from '../../support/pki';
import { buildCertificate, buildCrlWithExtensions, extension } from './builders';

const f = createPkiFixture();
const DAY = 86_400_000;
const at = (days: number) => new Date(f.now.getTime() + days * DAY);

/** A P-256 key in a certificate issued (and correctly signed SM3withSM2) by our CA. */
const p256Der = buildCertificate({
  issuer: f.ca.cert,
  issuerKey: f.ca.keyPair.privateKey,
  spki: crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({
    type: 'spki',
    format: 'der',
  }),
  notBefore: at(-1),
  notAfter: at(30),
});

/** The valid certificate with one byte of its subject changed (signature no longer covers it). */
function tampered(der: Uint8Array): Buffer {
  const copy = Buffer.from(der);
  const cn = copy.indexOf(Buffer.from('（valid）', 'utf8'));
  copy[cn + 3] = (copy[cn + 3] ?? 0) ^ 0x01; // '（' U+FF08 → U+FF09 '）', still valid UTF-8
  return copy;
}

type Verdict = string; // 'OK', 'OK/<revocation status>' or a failure code

const columns = {
  'fresh CRL': { crls: [f.crls.fresh.crl] },
  'no CRL': { crls: [] },
  'no CRL, not required': { crls: [], requireCrl: false },
  'stale CRL': { crls: [f.crls.stale.crl] },
  'stale CRL, not required': { crls: [f.crls.stale.crl], requireCrl: false },
  'wrongly signed CRL': { crls: [f.crls.wronglySigned.crl] },
  'wrongly signed + fresh CRL': { crls: [f.crls.wronglySigned.crl, f.crls.fresh.crl] },
} satisfies Record<string, { crls: ParsedCrl[]; requireCrl?: boolean }>;
type Column = keyof typeof columns;

const every = (v: Verdict): Record<Column, Verdict> =>
  Object.fromEntries(Object.keys(columns).map((k) => [k, v])) as Record<Column, Verdict>;

/** The same answers for a good certificate and for a revoked one when no usable CRL is there. */
const revocationDependent = (withFresh: Verdict): Record<Column, Verdict> => ({
  'fresh CRL': withFresh,
  'no CRL': 'CRL_MISSING',
  'no CRL, not required': 'OK/CRL_MISSING',
  'stale CRL': 'CRL_STALE',
  'stale CRL, not required': 'OK/CRL_STALE',
  'wrongly signed CRL': 'CRL_BAD_SIGNATURE',
  'wrongly signed + fresh CRL': withFresh,
});

const MATRIX: [string, Uint8Array, Record<Column, Verdict>][] = [
  ['valid', f.valid.der, revocationDependent('OK/CHECKED')],
  ['expired', f.expired.der, every('EXPIRED')],
  ['not yet valid', f.notYetValid.der, every('NOT_YET_VALID')],
  ['revoked', f.revoked.der, revocationDependent('REVOKED')],
  ['revoked after signing', f.revokedAfterSigning.der, revocationDependent('REVOKED')],
  ['from an unknown CA', f.unknownCa.der, every('UNKNOWN_CA')],
  [
    'signed by a CA of the same name but another key',
    f.wrongSignature.der,
    every('BAD_CERT_SIGNATURE'),
  ],
  ['tampered after signing', tampered(f.valid.der), every('BAD_CERT_SIGNATURE')],
  ['with a P-256 key', p256Der, every('MALFORMED')],
  ['truncated', f.valid.der.subarray(0, 300), every('MALFORMED')],
];

function verdict(r: ChainResult): Verdict {
  return r.ok ? `OK/${r.revocation}` : r.code;
}

describe('verifyCertificateChain: the full matrix, each case with and without a CRL at hand', () => {
  it.each(MATRIX)('a certificate %s [R-SIGN][ST-EPC-02-008]', (_name, der, expected) => {
    const actual = Object.fromEntries(
      Object.entries(columns).map(([column, opts]) => [
        column,
        verdict(
          verifyCertificateChain(der, {
            trustedCas: [f.ca.cert],
            at: f.now,
            ...opts,
          }),
        ),
      ]),
    );
    expect(actual).toEqual(expected);
  });

  it('answers the same for a parsed certificate and for its bytes [R-SIGN][ST-EPC-02-008]', () => {
    for (const issued of [f.valid, f.revoked, f.expired, f.wrongSignature]) {
      const opts = { trustedCas: [f.ca.cert], crls: [f.crls.fresh.crl], at: f.now };
      expect(verdict(verifyCertificateChain(issued.cert, opts))).toBe(
        verdict(verifyCertificateChain(issued.der, opts)),
      );
    }
  });
});

describe('messages and details for the counter', () => {
  const run = (i: Issued, extra: Partial<Parameters<typeof verifyCertificateChain>[1]> = {}) =>
    verifyCertificateChain(i.cert, {
      trustedCas: [f.ca.cert],
      crls: [f.crls.fresh.crl],
      at: f.now,
      ...extra,
    });

  it('a good certificate comes back with its CA and the CRL used [R-SIGN][ST-EPC-02-008]', () => {
    const r = run(f.valid);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.cert.subjectDn).toBe(
      'serialNumber=H50010300001,CN=重庆市某某人民医院电子签名（valid）,OU=药剂科,O=重庆市某某人民医院,L=渝中区,ST=重庆市,C=CN',
    );
    expect(r.ca.subjectDn).toBe(
      'CN=医保电子处方测试 CA,OU=电子处方中心,O=重庆市医疗保障局,ST=重庆市,C=CN',
    );
    expect(r.crl?.fingerprintHex).toBe(f.crls.fresh.crl.fingerprintHex);
    expect(r.warnings).toEqual([]);
  });

  it('revoked: time in Beijing time and the reason, in Chinese, with rule R-SIGN [R-SIGN][ST-EPC-02-008]', () => {
    const r = run(f.revoked);
    expect(r).toMatchObject({
      ok: false,
      code: 'REVOKED',
      ruleId: 'R-SIGN',
      message: '签名证书已被吊销（吊销时间 2026-02-24 08:00:00，原因：私钥泄露）',
      revocation: { serialHex: '1004', reason: 'keyCompromise' },
    });
    expect(r.ok ? null : r.revokedAfterSigning).toBeUndefined();
  });

  it('expired / not yet valid / unknown CA / bad signature / no CRL explain themselves [R-SIGN][ST-EPC-02-008]', () => {
    const message = (r: ChainResult) => (r.ok ? '' : r.message);
    expect(message(run(f.expired))).toBe('签名证书已过期（有效期至 2026-01-25 08:00:00）');
    expect(message(run(f.notYetValid))).toBe('签名证书尚未生效（生效时间 2026-03-11 08:00:00）');
    expect(message(run(f.unknownCa))).toBe(
      '签名证书的签发机构不在受信任的 CA 列表中（签发者：CN=其他省份测试 CA,O=某省医疗保障局,C=CN）',
    );
    expect(message(run(f.wrongSignature))).toMatch(/CA 签名验证失败/);
    const p256 = verifyCertificateChain(p256Der, { trustedCas: [f.ca.cert], crls: [], at: f.now });
    expect(p256).toMatchObject({
      ok: false,
      code: 'MALFORMED',
      message: '证书公钥算法为 NIST P-256，不是国密 SM2；仅接受 SM2 证书',
      detail: 'NOT_SM2: public key algorithm/curve 1.2.840.10045.3.1.7',
    });
    expect(message(run(f.valid, { crls: [] }))).toMatch(/缺少签发机构的证书吊销列表/);
    expect(message(run(f.valid, { crls: [f.crls.stale.crl] }))).toMatch(
      /证书吊销列表已过期（应于 2026-02-06 08:00:00 前更新）/,
    );
    expect(message(run(f.valid, { crls: [f.crls.wronglySigned.crl] }))).toMatch(/吊销列表签名无效/);
    const lenient = run(f.valid, { crls: [], requireCrl: false });
    expect(lenient.ok && lenient.warnings).toEqual([
      '缺少签发机构的证书吊销列表，无法确认签名证书未被吊销；请联网更新吊销列表',
    ]);
  });
});

describe('revoked after signing', () => {
  const opts = { trustedCas: [f.ca.cert], crls: [f.crls.fresh.crl] };

  it('is still REVOKED at `at`, and says the revocation came after `signedAt` [R-SIGN][ST-EPC-02-008]', () => {
    const after = verifyCertificateChain(f.revokedAfterSigning.cert, {
      ...opts,
      at: f.now,
      signedAt: f.signedAt,
    });
    expect(after).toMatchObject({ ok: false, code: 'REVOKED', revokedAfterSigning: true });
    expect(after.ok ? '' : after.message).toBe(
      '签名证书已被吊销（吊销时间 2026-02-28 08:00:00，原因：隶属关系变更）；吊销发生在处方签名之后',
    );
    const before = verifyCertificateChain(f.revoked.cert, {
      ...opts,
      at: f.now,
      signedAt: f.signedAt,
    });
    expect(before).toMatchObject({ ok: false, code: 'REVOKED', revokedAfterSigning: false });
  });

  it('wasRevokedBefore tells the two apart directly on the CRL [R-SIGN][ST-EPC-02-008]', () => {
    const crl = f.crls.fresh.crl;
    expect(wasRevokedBefore(crl, '1005', f.signedAt)).toBeUndefined();
    expect(wasRevokedBefore(crl, '1004', f.signedAt)?.reason).toBe('keyCompromise');
    expect(wasRevokedBefore(crl, '001004', f.signedAt)?.serialHex).toBe('1004'); // any hex form
    expect(wasRevokedBefore(crl, '1001', f.now)).toBeUndefined();
    expect(wasRevokedBefore(crl, 'not hex', f.now)).toBeUndefined();
  });

  it('verifying as of the signing time accepts it (the CRL is newer than `at`) [R-SIGN][ST-EPC-02-008]', () => {
    expect(verifyCertificateChain(f.revokedAfterSigning.cert, { ...opts, at: f.signedAt }).ok).toBe(
      true,
    );
    expect(verifyCertificateChain(f.revoked.cert, { ...opts, at: f.signedAt }).ok).toBe(false);
  });
});

describe('the issuing CA itself', () => {
  it('an expired or not yet valid CA makes its certificates fail [R-SIGN][ST-EPC-02-008]', () => {
    for (const [from, to, code, text] of [
      [-400, -1, 'EXPIRED', '签发机构 CA 证书已过期'],
      [1, 400, 'NOT_YET_VALID', '签发机构 CA 证书尚未生效'],
    ] as const) {
      const keyPair = generateSm2KeyPair();
      const ca = parseCertificate(
        createCaCertificate({
          subject: { CN: `短期 CA ${code}` },
          keyPair,
          notBefore: at(from),
          notAfter: at(to),
        }),
      );
      const leaf = issueCertificate({
        issuer: { cert: ca, privateKey: keyPair.privateKey },
        subject: { CN: '某医院' },
        publicKey: generateSm2KeyPair().publicKey,
        serialHex: '77',
        notBefore: at(-1),
        notAfter: at(1),
      });
      const r = verifyCertificateChain(leaf, {
        trustedCas: [ca],
        crls: [],
        at: f.now,
        requireCrl: false,
      });
      expect(r).toMatchObject({ ok: false, code });
      expect(r.ok ? '' : r.message).toContain(text);
    }
  });

  it('an issuer in the trust store that is not a CA cannot vouch for anything (NOT_CA) [R-SIGN][ST-EPC-02-008]', () => {
    const endEntity = f.valid.cert; // CA:false, no keyCertSign
    // pretend it is a CA only to get issueCertificate to sign with its key
    const leaf = issueCertificate({
      issuer: {
        cert: { ...endEntity, isCa: true, keyUsage: null },
        privateKey: f.valid.keyPair.privateKey,
      },
      subject: { CN: '伪造的机构证书' },
      publicKey: generateSm2KeyPair().publicKey,
      serialHex: '99',
      notBefore: at(-1),
      notAfter: at(1),
    });
    const r = verifyCertificateChain(leaf, {
      trustedCas: [endEntity],
      crls: [],
      at: f.now,
      requireCrl: false,
    });
    expect(r).toMatchObject({ ok: false, code: 'NOT_CA' });
  });

  it('a CRL from a CA whose key usage lacks cRLSign is not taken (RFC 5280 §6.3.3 (f); PKITS 4.7.4) [R-SIGN][ST-EPC-02-008]', () => {
    const keyPair = generateSm2KeyPair();
    const caOf = (keyUsage: Parameters<typeof createCaCertificate>[0]['keyUsage']) =>
      parseCertificate(
        createCaCertificate({
          subject: { C: 'CN', O: '某市医疗保障局', CN: '只签证书的测试 CA' },
          keyPair,
          serialHex: '02',
          notBefore: at(-30),
          notAfter: at(365),
          ...(keyUsage ? { keyUsage } : {}),
        }),
      );
    const certOnly = caOf(['keyCertSign']);
    const full = caOf(undefined);
    const leaf = parseCertificate(
      issueCertificate({
        issuer: { cert: certOnly, privateKey: keyPair.privateKey },
        subject: { C: 'CN', O: '某医院', CN: '某医院（cRLSign 测试）' },
        publicKey: generateSm2KeyPair().publicKey,
        serialHex: '2001',
        notBefore: at(-1),
        notAfter: at(30),
      }),
    );
    // Signed correctly by the CA's own key, and listing the leaf as revoked: still not evidence.
    const crl = parseCrl(
      createCrl({
        issuer: certOnly,
        privateKey: keyPair.privateKey,
        thisUpdate: at(-1),
        nextUpdate: at(6),
        revoked: [{ serialHex: '2001', revokedAt: at(-1), reason: 'keyCompromise' }],
      }),
    );
    expect(certOnly.keyUsage).toEqual(['keyCertSign']);
    expect(verifyCrl(crl, certOnly)).toBe(false);
    expect(verifyCrl(crl, full)).toBe(true); // same key and name: only the key usage differs

    const strict = verifyCertificateChain(leaf, { trustedCas: [certOnly], crls: [crl], at: f.now });
    expect(strict).toMatchObject({ ok: false, code: 'CRL_NOT_AUTHORIZED', ruleId: 'R-SIGN' });
    expect(strict.ok ? '' : strict.message).toMatch(/不含 cRLSign，无权签发证书吊销列表/);
    const lenient = verifyCertificateChain(leaf, {
      trustedCas: [certOnly],
      crls: [crl],
      at: f.now,
      requireCrl: false,
    });
    expect(lenient).toMatchObject({ ok: true, crl: null, revocation: 'CRL_NOT_AUTHORIZED' });
    // With cRLSign the same CRL is taken, and it revokes the certificate.
    const trusted = verifyCertificateChain(leaf, { trustedCas: [full], crls: [crl], at: f.now });
    expect(trusted).toMatchObject({ ok: false, code: 'REVOKED' });
  });

  it('a self-signed CA verifies as its own chain, and two CAs in the store pick the right one [R-SIGN][ST-EPC-02-008]', () => {
    const stores = [[f.ca.cert], [f.otherCa.cert, f.ca.cert], [f.ca.cert, f.otherCa.cert]];
    for (const trustedCas of stores) {
      const r = verifyCertificateChain(f.valid.cert, {
        trustedCas,
        crls: [f.crls.fresh.crl],
        at: f.now,
      });
      expect(r.ok && r.ca.fingerprintHex).toBe(f.ca.cert.fingerprintHex);
    }
    expect(
      verifyCertificateChain(f.ca.cert, {
        trustedCas: [f.ca.cert],
        crls: [f.crls.fresh.crl],
        at: f.now,
      }).ok,
    ).toBe(true);
  });
});

describe('extensions the verifier cannot honour', () => {
  it('a certificate with an unknown critical extension is refused [R-SIGN][ST-EPC-02-008]', () => {
    const der = buildCertificate({
      issuer: f.ca.cert,
      issuerKey: f.ca.keyPair.privateKey,
      spki: encodeSm2PublicKeyInfo(Buffer.from(f.valid.cert.publicKey, 'base64')),
      notBefore: at(-1),
      notAfter: at(30),
      extensions: [extension('1.2.3.4.5.6', true, octetString(Buffer.from('x')))],
    });
    const cert = parseCertificate(der);
    expect(cert.unhandledCriticalExtensions).toEqual(['1.2.3.4.5.6']);
    const r = verifyCertificateChain(cert, {
      trustedCas: [f.ca.cert],
      crls: [f.crls.fresh.crl],
      at: f.now,
    });
    expect(r).toMatchObject({
      ok: false,
      code: 'MALFORMED',
      message: '签名证书含有无法处理的关键扩展，不能使用',
    });
  });

  it('a delta CRL (critical deltaCRLIndicator) is not taken as the CA’s full CRL [R-SIGN][ST-EPC-02-008]', () => {
    const delta = parseCrl(
      buildCrlWithExtensions(f.ca.cert, f.ca.keyPair.privateKey, at(-0.01), at(7), [
        extension('2.5.29.27', true, smallInt(1)),
      ]),
    );
    expect(delta.unhandledCriticalExtensions).toEqual(['2.5.29.27']);
    const r = verifyCertificateChain(f.valid.cert, {
      trustedCas: [f.ca.cert],
      crls: [delta],
      at: f.now,
    });
    expect(r).toMatchObject({ ok: false, code: 'CRL_MISSING' });
  });
});
