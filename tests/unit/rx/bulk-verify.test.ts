import { describe, expect, it } from 'vitest';
import { bulkVerifyRxFiles, createBulkVerifier } from '../../../src/center/rx/bulk-verify';
import { createTrustStore } from '../../../src/center/rx/trust-store';
import { verifyRxFile } from '../../../src/center/rx/verify-rx';
import { createPkiFixture } from '../../support/pki';
import { buildRxFile, drugLines, layoutPdf, withEditedPayload } from './rx-fixture';

const pki = createPkiFixture();
const ctx = { trust: createTrustStore([pki.ca.cert], [pki.crls.fresh.crl]), at: pki.now };

function mixedBatch(): unknown[] {
  const items: unknown[] = [];
  for (let i = 0; i < 12; i++) {
    const good = buildRxFile(pki.valid, {
      fields: { hiRxno: `H5001032026030100${i}` },
      lines: drugLines(1 + (i % 5), i),
      pdf: layoutPdf(2000 + i * 300, i),
    });
    items.push(good);
    if (i % 4 === 1) items.push(withEditedPayload(good, (p) => (p.certno = '000')));
    if (i % 4 === 2) items.push({ ...good, rxdrugdetail: drugLines(2, 99) });
    if (i % 4 === 3) items.push({ ...good, rx_file: layoutPdf(900, 77).toString('base64') });
  }
  items.push(
    buildRxFile(pki.revoked),
    buildRxFile(pki.expired),
    buildRxFile(pki.unknownCa),
    buildRxFile(pki.wrongSignature),
    { ...buildRxFile(pki.valid), signCertSn: '1004' },
    { ...buildRxFile(pki.valid), rx_file: 'not base64!' },
    { ...buildRxFile(pki.valid), x_sign_cert: 'AAAA' },
    null,
    'text',
    { ...buildRxFile(pki.valid), originalValue: '###' },
  );
  return items;
}

describe('bulk re-verification', () => {
  it('gives exactly verifyRxFile’s verdict for every item of a mixed batch [R-SIGN][R-LAYOUT][ST-EPC-02-008]', () => {
    const batch = mixedBatch();
    const bulk = bulkVerifyRxFiles(batch, ctx);
    const native = batch.map((item) => verifyRxFile(item, { ...ctx, engine: 'native' }));
    const js = batch.map((item) => verifyRxFile(item, { ...ctx, engine: 'sm-crypto' }));
    expect(bulk).toEqual(native);
    expect(bulk).toEqual(js);
    const codes = new Set(bulk.map((v) => v.code));
    for (const code of [
      'OK',
      'SIGNATURE_INVALID',
      'DRUG_LINES_TAMPERED',
      'LAYOUT_FILE_SWAPPED',
      'CERT_REVOKED',
      'CERT_EXPIRED',
      'CERT_UNKNOWN_CA',
      'CERT_BAD_CA_SIGNATURE',
      'CERT_SN_MISMATCH',
      'LAYOUT_FILE_MALFORMED',
      'CERT_MALFORMED',
      'FILE_SHAPE',
      'ORIGINAL_VALUE_BASE64',
    ]) {
      expect(codes, code).toContain(code);
    }
    expect(bulk.filter((v) => v.valid)).toHaveLength(12);
  });

  it('checks each distinct certificate once and reuses the decode buffer safely [R-SIGN]', () => {
    const verifier = createBulkVerifier(ctx);
    const big = buildRxFile(pki.valid, { pdf: layoutPdf(200_000, 5) });
    const small = buildRxFile(pki.valid, { pdf: layoutPdf(1000, 6) });
    const results = [small, big, small, big, buildRxFile(pki.revoked)].map((f) =>
      verifier.verify(f),
    );
    expect(results.map((v) => v.code)).toEqual(['OK', 'OK', 'OK', 'OK', 'CERT_REVOKED']);
    expect(verifier.certificatesChecked).toBe(2);
  });
});
