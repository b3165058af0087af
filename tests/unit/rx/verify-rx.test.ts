import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../src/center/rx/canonical-json';
import { createTrustStore } from '../../../src/center/rx/trust-store';
import { RX_VERDICT_CODES } from '../../../src/center/rx/verdict';
import { verifyRxFile, verifyRxFileText } from '../../../src/center/rx/verify-rx';
import { issueCertificate, parseCertificate } from '../../../src/center/x509';
import {
  createPkiFixture,
  INSTITUTION_SUBJECT,
  type Issued,
  seededKeyPair,
} from '../../support/pki';
import { buildRxFile, drugLines, layoutPdf, withEditedPayload } from './rx-fixture';

const pki = createPkiFixture();
const trust = createTrustStore([pki.ca.cert], [pki.crls.fresh.crl]);
const ctx = { trust, at: pki.now };
const good = buildRxFile(pki.valid);

function anotherInstitution(seed: string, serialHex: string, code = 'H50010300002'): Issued {
  const keyPair = seededKeyPair(seed);
  const der = issueCertificate({
    issuer: { cert: pki.ca.cert, privateKey: pki.ca.keyPair.privateKey },
    subject: { ...INSTITUTION_SUBJECT, CN: `另一家医院电子签名（${seed}）`, serialNumber: code },
    publicKey: keyPair.publicKey,
    serialHex,
    notBefore: new Date(pki.now.getTime() - 86_400_000),
    notAfter: new Date(pki.now.getTime() + 300 * 86_400_000),
  });
  return { cert: parseCertificate(der), der, keyPair };
}

describe('verifyRxFile: a genuine prescription', () => {
  it.each(['native', 'sm-crypto'] as const)(
    'verifies with the %s engine and shows certificate and institution [R-SIGN][ST-EPC-02-008]',
    (engine) => {
      const v = verifyRxFile(good, { ...ctx, engine });
      expect(v).toMatchObject({ valid: true, code: 'OK', ruleId: 'R-SIGN', warnings: [] });
      expect(v.cert).toEqual({
        serial: '1001',
        subject: pki.valid.cert.subjectDn,
        issuer: pki.ca.cert.subjectDn,
        notBefore: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/),
        notAfter: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/),
        institution: '重庆市某某人民医院电子签名（valid）',
      });
      expect(v.payload?.hiRxno).toBe('H500103202603010001');
      expect(v.reason).toContain('重庆市某某人民医院电子签名（valid）');
    },
  );

  it('accepts signCertSn written with 0x, colons, lower case and leading zeros [R-SIGN]', () => {
    for (const sn of ['0x1001', '10:01', '001001', ' 1001 ']) {
      expect(verifyRxFile({ ...good, signCertSn: sn }, ctx).code).toBe('OK');
    }
  });

  it('accepts signCertDn in reverse order with spaces [R-SIGN]', () => {
    const reversed = pki.valid.cert.subjectDn.split(',').reverse().join(', ');
    expect(verifyRxFile({ ...good, signCertDn: reversed }, ctx).code).toBe('OK');
  });

  it('ignores extra keys of the file and reads it from text [R-SIGN]', () => {
    expect(verifyRxFileText(JSON.stringify({ ...good, note: '导出' }), ctx).valid).toBe(true);
  });
});

describe('verifyRxFile: tampering', () => {
  it('a signed field changed inside originalValue breaks the signature [R-SIGN][ST-EPC-02-008]', () => {
    const v = verifyRxFile(
      withEditedPayload(good, (p) => (p.patnName = '李四')),
      ctx,
    );
    expect(v).toMatchObject({ valid: false, code: 'SIGNATURE_INVALID', ruleId: 'R-SIGN' });
    expect(v.reason).toContain('电子签名验证不通过');
  });

  it('signed by another key than the certificate’s [R-SIGN][ST-EPC-02-008]', () => {
    const forged = buildRxFile(pki.valid, { signingKey: pki.revoked.keyPair.privateKey });
    expect(verifyRxFile(forged, ctx).code).toBe('SIGNATURE_INVALID');
  });

  it('a drug line changed, added or removed after signing [R-SIGN][ST-EPC-02-008]', () => {
    const lines = drugLines();
    const changed = lines.map((l, i) => (i === 2 ? { ...l, drug_cnt: 20 } : l));
    for (const rxdrugdetail of [changed, [...lines, lines[0]], lines.slice(1)]) {
      const v = verifyRxFile({ ...good, rxdrugdetail }, ctx);
      expect(v).toMatchObject({ valid: false, code: 'DRUG_LINES_TAMPERED', ruleId: 'R-SIGN' });
    }
    // key order and 25.0 vs 25 do not matter (canonical JSON)
    const reordered = good.rxdrugdetail.map((l) => Object.fromEntries(Object.entries(l).reverse()));
    expect(verifyRxFile({ ...good, rxdrugdetail: reordered }, ctx).code).toBe('OK');
  });

  it('the layout file swapped for another prescription’s [R-LAYOUT][ST-EPC-02-007]', () => {
    const v = verifyRxFile({ ...good, rx_file: layoutPdf(20 * 1024, 9).toString('base64') }, ctx);
    expect(v).toMatchObject({ valid: false, code: 'LAYOUT_FILE_SWAPPED', ruleId: 'R-LAYOUT' });
    expect(verifyRxFile({ ...good, rx_file: '%PDF-not-base64' }, ctx).code).toBe(
      'LAYOUT_FILE_MALFORMED',
    );
  });

  it('signCertSn of another certificate, or signCertDn of another subject [R-SIGN][ST-EPC-02-008]', () => {
    expect(verifyRxFile({ ...good, signCertSn: pki.revoked.cert.serialHex }, ctx).code).toBe(
      'CERT_SN_MISMATCH',
    );
    expect(verifyRxFile({ ...good, signCertSn: 'not-hex' }, ctx).code).toBe('CERT_SN_MISMATCH');
    expect(verifyRxFile({ ...good, signCertDn: pki.revoked.cert.subjectDn }, ctx).code).toBe(
      'CERT_DN_MISMATCH',
    );
  });

  it('x_sign_cert swapped for another valid certificate of the same CA [R-SIGN][ST-EPC-02-008]', () => {
    const other = anotherInstitution('other-hospital', '2001', 'H50010300001');
    const swapped = {
      ...good,
      x_sign_cert: other.der.toString('base64'),
      signCertSn: other.cert.serialHex,
      signCertDn: other.cert.subjectDn,
    };
    expect(verifyRxFile(swapped, ctx).code).toBe('SIGNATURE_INVALID');
    expect(verifyRxFile({ ...good, x_sign_cert: other.der.toString('base64') }, ctx).code).toBe(
      'CERT_SN_MISMATCH',
    );
  });

  it('a genuine certificate of another institution signing this one’s prescription [R-SIGN]', () => {
    const other = anotherInstitution('foreign-hospital', '2002');
    const v = verifyRxFile(buildRxFile(other), ctx);
    expect(v.code).toBe('CERT_INSTITUTION_MISMATCH');
    expect(v.reason).toContain('H50010300002');
    expect(
      verifyRxFile(buildRxFile(other, { fields: { fixmedinsCode: 'H50010300002' } }), ctx).code,
    ).toBe('OK');
  });
});

describe('verifyRxFile: certificate state', () => {
  const cases: Array<[string, Issued, string, RegExp]> = [
    ['expired', pki.expired, 'CERT_EXPIRED', /已过期/],
    ['not yet valid', pki.notYetValid, 'CERT_NOT_YET_VALID', /尚未生效/],
    ['revoked', pki.revoked, 'CERT_REVOKED', /已被吊销.*私钥泄露/],
    ['from an unknown CA', pki.unknownCa, 'CERT_UNKNOWN_CA', /不在受信任的 CA 列表/],
    ['with a forged CA signature', pki.wrongSignature, 'CERT_BAD_CA_SIGNATURE', /CA 签名验证失败/],
  ];
  it.each(cases)(
    'a certificate %s blocks [R-SIGN][ST-EPC-02-008]',
    (_name, issued, code, reason) => {
      const v = verifyRxFile(buildRxFile(issued), ctx);
      expect(v).toMatchObject({ valid: false, code, ruleId: 'R-SIGN' });
      expect(v.reason).toMatch(reason);
      expect(v.cert?.serial).toBe(issued.cert.serialHex);
    },
  );

  it('says whether the revocation took effect after the prescription was signed [R-SIGN]', () => {
    const before = verifyRxFile(
      buildRxFile(pki.revokedAfterSigning, { fields: { pharChkTime: '2026-02-20 09:00:00' } }),
      ctx,
    );
    expect(before.code).toBe('CERT_REVOKED');
    expect(before.reason).toContain('吊销发生在处方审核签名');
  });

  it('CRL missing, stale or wrongly signed blocks; --no-crl accepts with a warning [R-SIGN][ST-EPC-02-008]', () => {
    const at = pki.now;
    const verdictWith = (crls: typeof trust.crls, requireCrl = true) =>
      verifyRxFile(good, { at, trust: createTrustStore([pki.ca.cert], crls, { requireCrl }) });
    expect(verdictWith([]).code).toBe('CRL_MISSING');
    expect(verdictWith([pki.crls.stale.crl]).code).toBe('CRL_STALE');
    expect(verdictWith([pki.crls.wronglySigned.crl]).code).toBe('CRL_BAD_SIGNATURE');
    const unchecked = verdictWith([], false);
    expect(unchecked).toMatchObject({ valid: true, code: 'OK' });
    expect(unchecked.warnings.join()).toMatch(/吊销列表/);
    // a CRL that lists the certificate still refuses without requireCrl
    const revoked = verifyRxFile(buildRxFile(pki.revoked), {
      at,
      trust: createTrustStore([pki.ca.cert], [pki.crls.fresh.crl], { requireCrl: false }),
    });
    expect(revoked.code).toBe('CERT_REVOKED');
  });
});

describe('verifyRxFile: hostile input never throws', () => {
  const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
  const cases: Array<[string, unknown, string]> = [
    ['null', null, 'FILE_SHAPE'],
    ['a number', 42, 'FILE_SHAPE'],
    ['an array', [good], 'FILE_SHAPE'],
    ['fields missing', { originalValue: good.originalValue }, 'FILE_SHAPE'],
    ['rxdrugdetail not an array', { ...good, rxdrugdetail: 'x' }, 'FILE_SHAPE'],
    ['originalValue not Base64', { ...good, originalValue: '!!!' }, 'ORIGINAL_VALUE_BASE64'],
    [
      'originalValue with non-canonical padding',
      { ...good, originalValue: 'QR==' },
      'ORIGINAL_VALUE_BASE64',
    ],
    ['originalValue not JSON', { ...good, originalValue: b64('不是 JSON') }, 'ORIGINAL_VALUE_JSON'],
    [
      'originalValue invalid UTF-8',
      { ...good, originalValue: Buffer.from([0xff, 0xfe, 0x7b]).toString('base64') },
      'ORIGINAL_VALUE_JSON',
    ],
    [
      'payload missing digests',
      { ...good, originalValue: b64('{"hiRxno":"1"}') },
      'SIGNED_PAYLOAD_INVALID',
    ],
    ['certificate not Base64', { ...good, x_sign_cert: '@@' }, 'CERT_MALFORMED'],
    ['certificate garbage', { ...good, x_sign_cert: b64('garbage') }, 'CERT_MALFORMED'],
    ['signature not 64 bytes', { ...good, signDigest: b64('short') }, 'SIGN_DIGEST_MALFORMED'],
  ];
  it.each(cases)('%s → %s [R-SIGN]', (_name, input, code) => {
    const v = verifyRxFile(input, ctx);
    expect(v.valid).toBe(false);
    expect(v.code).toBe(code);
    expect(v.reason).toMatch(/[\u4e00-\u9fff]/);
    expect(v.ruleId).toBe(RX_VERDICT_CODES[v.code].ruleId);
  });

  it('a throwing getter and 500 random byte flips of the file text [R-SIGN]', () => {
    const trap = new Proxy(
      {},
      {
        get: () => {
          throw new Error('陷阱');
        },
        ownKeys: () => {
          throw new Error('陷阱');
        },
      },
    );
    expect(verifyRxFile(trap, ctx)).toMatchObject({ valid: false });
    expect(verifyRxFileText('{"originalValue":', ctx).code).toBe('FILE_NOT_JSON');
    const small = buildRxFile(pki.valid, { pdf: layoutPdf(600) });
    const text = JSON.stringify(small);
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let i = 0; i < 500; i++) {
      const at = next() % text.length;
      const mutated =
        text.slice(0, at) + String.fromCharCode(32 + (next() % 95)) + text.slice(at + 1);
      const v = verifyRxFileText(mutated, ctx);
      expect(typeof v.valid).toBe('boolean');
      if (v.valid) {
        // only a change outside what is verified (or a DN spacing) may pass
        const m = JSON.parse(mutated);
        for (const k of ['originalValue', 'signDigest', 'x_sign_cert', 'rx_file'] as const) {
          expect(m[k]).toBe(small[k]);
        }
        expect(canonicalJson(m.rxdrugdetail)).toBe(canonicalJson(small.rxdrugdetail));
      }
    }
  });
});
