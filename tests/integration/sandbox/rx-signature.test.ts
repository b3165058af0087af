import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  derSignatureToRaw,
  rawSignatureToDer,
  sm2PublicKeyToPem,
  sm2Verify,
} from '../../../src/center/crypto';
import { out7201Schema, out7204Schema, out7205Schema } from '../../../src/center/rx/fsi-72xx';
import { layoutFields, layoutLine } from '../../../src/center/rx/layout-fields';
import {
  buildOriginalValue,
  pickSignedFields,
  rxDrugDetailDigest,
  rxFileDigest,
  rxFileSchema,
  signedPayloadSchema,
} from '../../../src/center/rx/rx-file';
import {
  fromPem,
  parseCertificate,
  parseCrl,
  toPem,
  verifyCertificateChain,
} from '../../../src/center/x509';
import { createPrescription } from '../../../src/sandbox/hospital/create-prescription';
import { renderLayoutPdf } from '../../../src/sandbox/hospital/layout-pdf';
import { snakeDrugLines } from '../../../src/sandbox/rx/snake-case';
import { DEMO_PATIENTS } from '../../../src/sandbox/seed-data';
import { pdfTextLines } from '../../support/pdf-text';
import { DISTID, OpenSslWorkspace } from '../../unit/x509/openssl';
import { CONFIG, rejection, type SandboxFixture, startFixture, uploadChkData } from './helpers';
import { ok72, post } from './rx-flow-helpers';

const [zhang] = DEMO_PATIENTS;
if (!zhang) throw new Error('demo patients missing');
const CA_PEM = readFileSync(
  path.resolve(import.meta.dirname, '../../../config/sandbox-ca.pem'),
  'utf8',
);
const AMLODIPINE = 'XC08CAA010A001010201587';
const INSULIN = 'XA10ABD050B002010184032';

describe('the downloaded prescription verifies: signature, digests, certificate chain, CRL, OpenSSL', () => {
  let f: SandboxFixture;
  let signNo: string;
  let ssl: OpenSslWorkspace;
  const hospital = () => ({ baseUrl: f.sandbox.url, config: CONFIG });

  /** Hospital creates, pharmacy downloads by QR (7201 → 7204): the .rx.json and the reply. */
  async function download(order: Parameters<typeof createPrescription>[1]) {
    const rx = await createPrescription(hospital(), order);
    const token = out7201Schema.parse(await ok72(f, signNo, '7201', { epc_qrcd: rx.qr })).data
      .epc_token;
    const o4 = out7204Schema.parse(await ok72(f, signNo, '7204', { epc_token: token }));
    const file = rxFileSchema.parse({
      originalValue: o4.data.originalValue,
      signDigest: o4.data.signDigest,
      signCertSn: o4.data.signCertSn,
      signCertDn: o4.data.signCertDn,
      x_sign_cert: o4.data.x_sign_cert,
      rxdrugdetail: o4.rxdrugdetail,
      rx_file: o4.data.rx_file,
    });
    return { rx, token, o4, file };
  }

  async function crlNow() {
    const res = await fetch(`${f.sandbox.url}/epc/api/x/crl`);
    expect(res.headers.get('content-type')).toBe('application/pkix-crl');
    return parseCrl(new Uint8Array(await res.arrayBuffer()));
  }

  beforeAll(async () => {
    f = await startFixture(10_000);
    signNo = await f.signIn();
    ssl = new OpenSslWorkspace();
  });
  afterAll(async () => {
    ssl.dispose();
    await f.close();
  });

  it('serves the CA certificate of config/sandbox-ca.pem and a CRL it signed [ARCH][R-SIGN]', async () => {
    const pem = await fetch(`${f.sandbox.url}/epc/api/x/ca`).then((r) => r.text());
    expect(pem).toBe(CA_PEM);
    expect(CONFIG.ca.certificate).toBe(CA_PEM);
    const ca = parseCertificate(fromPem(CA_PEM));
    expect(ca.isCa).toBe(true);
    const crl = await crlNow();
    expect(crl.issuerDn).toBe(ca.subjectDn);
    const pemCrl = await fetch(`${f.sandbox.url}/epc/api/x/crl?format=pem`).then((r) => r.text());
    expect(pemCrl).toContain('BEGIN X509 CRL');
  });

  it('the .rx.json from 7204 verifies: SM2 signature over originalValue, drug-line and file digests, chain to the sandbox CA with the CRL [R-SIGN][ST-EPC-02-008]', async () => {
    const { rx, o4, file } = await download({ patient: zhang, drugs: [AMLODIPINE, INSULIN] });
    const cert = parseCertificate(Buffer.from(file.x_sign_cert, 'base64'));
    expect(cert.serialHex).toBe(file.signCertSn);
    expect(cert.subjectDn).toBe(file.signCertDn);
    const original = Buffer.from(file.originalValue, 'base64');
    expect(sm2Verify(original, file.signDigest, cert.publicKey)).toBe(true);
    const payload = signedPayloadSchema.parse(JSON.parse(original.toString('utf8')));
    expect(payload).toMatchObject({ hiRxno: rx.hiRxno, rxTraceCode: rx.rxTraceCode });
    expect(payload.x_rxdrugdetail_sm3).toBe(rxDrugDetailDigest(file.rxdrugdetail));
    const pdf = Buffer.from(file.rx_file, 'base64');
    expect(payload.x_rx_file_sm3).toBe(rxFileDigest(pdf));
    expect(buildOriginalValue(payload, file.rxdrugdetail, pdf)).toBe(file.originalValue);
    const chain = verifyCertificateChain(cert, {
      trustedCas: [parseCertificate(fromPem(CA_PEM))],
      crls: [await crlNow()],
      at: new Date(),
    });
    expect(chain.ok).toBe(true);
    // A changed drug line no longer matches the signed digest.
    const changed = [{ ...file.rxdrugdetail[0], drug_cnt: 9 }, ...file.rxdrugdetail.slice(1)];
    expect(rxDrugDetailDigest(changed)).not.toBe(payload.x_rxdrugdetail_sm3);
    expect(o4.rxdrugdetail[1]).toMatchObject({ med_list_codg: INSULIN, medc_way_dscr: '皮下注射' });
  });

  it('the layout PDF carries exactly the layout lines of the downloaded data [R-LAYOUT][ST-EPC-02-007]', async () => {
    const { o4 } = await download({ patient: zhang, drugs: [AMLODIPINE, INSULIN] });
    const lines = await pdfTextLines(Buffer.from(o4.data.rx_file, 'base64'));
    const expected = layoutFields(o4).map(layoutLine);
    expect(lines?.slice(1)).toEqual(expected);
    expect(lines?.[0]).toBe('沙箱示范医院（渝中） 电子处方');
    expect(expected).toContain(`患者姓名：${zhang.name}`);
  });

  it('OpenSSL 3 verifies the institution certificate against config/sandbox-ca.pem and the prescription signature [R-SIGN][ST-EPC-02-008]', async () => {
    const { file } = await download({ patient: zhang, drugs: [AMLODIPINE] });
    const der = Buffer.from(file.x_sign_cert, 'base64');
    const caFile = ssl.file('ca.pem', CA_PEM);
    const leafFile = ssl.file('leaf.pem', toPem(der));
    const verified = ssl.attempt('verify', '-CAfile', caFile, '-vfyopt', DISTID, leafFile);
    expect(verified.out).toContain('OK');
    expect(verified.ok).toBe(true);
    const cert = parseCertificate(der);
    const pub = ssl.file('pub.pem', sm2PublicKeyToPem(cert.publicKey));
    const msg = ssl.file('original.bin', Buffer.from(file.originalValue, 'base64'));
    const sig = ssl.file('sig.der', rawSignatureToDer(Buffer.from(file.signDigest, 'base64')));
    const ok = ssl.attempt(
      'dgst',
      '-sm3',
      '-verify',
      pub,
      '-sigopt',
      DISTID,
      '-signature',
      sig,
      msg,
    );
    expect(ok.out).toContain('Verified OK');
    const other = ssl.file('other.bin', Buffer.from(`${file.originalValue}x`));
    const bad = ssl.attempt(
      'dgst',
      '-sm3',
      '-verify',
      pub,
      '-sigopt',
      DISTID,
      '-signature',
      sig,
      other,
    );
    expect(bad.ok).toBe(false);
    expect(derSignatureToRaw(readFileSync(sig)).toString('base64')).toBe(file.signDigest);
  });

  it('revoking the institution certificate puts it in the CRL, 7205 answers vrf_rslt 0 / cert_stas 2, and new prescriptions use the reissued certificate [R-SIGN][ST-EPC-02-008]', async () => {
    const before = await download({
      patient: zhang,
      drugs: [AMLODIPINE],
      hospital: 'H50010500002',
    });
    const res = await post(`${f.sandbox.url}/x/sandbox/ca/revoke`, {
      fixmedinsCode: 'H50010500002',
      reason: 'keyCompromise',
    });
    expect(res.status).toBe(200);
    const revoked = (await res.json()) as { revokedSerial: string; newSerial: string };
    expect(revoked.revokedSerial).toBe(before.file.signCertSn);
    const crl = await crlNow();
    expect(crl.revoked.get(revoked.revokedSerial)?.reason).toBe('keyCompromise');
    const chain = verifyCertificateChain(Buffer.from(before.file.x_sign_cert, 'base64'), {
      trustedCas: [parseCertificate(fromPem(CA_PEM))],
      crls: [crl],
      at: new Date(),
    });
    expect(chain.ok).toBe(false);
    if (!chain.ok) expect(chain.code).toBe('REVOKED');
    const o5 = out7205Schema.parse(
      await ok72(f, signNo, '7205', {
        hi_rxno: before.rx.hiRxno,
        epc_token: before.token,
        sign_digest: before.file.signDigest,
        sign_cert_sn: before.file.signCertSn,
      }),
    );
    expect(o5.data).toMatchObject({ vrf_rslt: '0', cert_stas: '2' });
    expect(o5.data.vrf_msg).toContain('吊销');

    const after = await download({ patient: zhang, drugs: [AMLODIPINE], hospital: 'H50010500002' });
    expect(after.file.signCertSn).toBe(revoked.newSerial);
    const fresh = verifyCertificateChain(Buffer.from(after.file.x_sign_cert, 'base64'), {
      trustedCas: [parseCertificate(fromPem(CA_PEM))],
      crls: [await crlNow()],
      at: new Date(),
    });
    expect(fresh.ok).toBe(true);
    const unknown = await post(`${f.sandbox.url}/x/sandbox/ca/revoke`, {
      fixmedinsCode: 'H00000000000',
    });
    expect(unknown.status).toBe(404);
  });

  it('rxFixmedinsSign refuses an originalValue that does not match the pre-checked prescription [R-SIGN]', async () => {
    const data = uploadChkData(zhang);
    const ids = await f.epc.call<{ hiRxno: string; rxTraceCode: string }>('uploadChk', data);
    const pdf = renderLayoutPdf({ title: '伪造', lines: ['患者姓名：李四'] });
    const fields = pickSignedFields({
      ...data.mdtrtinfo,
      ...ids,
      patnName: '李四',
      pharName: '药师',
      pharCode: 'Y1',
      pharChkTime: '2025-06-01 09:35:00',
    });
    const sign = (lines: Record<string, unknown>[]) =>
      f.epc.call('rxFixmedinsSign', {
        fixmedinsCode: CONFIG.epc.hospital.fixmedinsCode,
        originalValue: buildOriginalValue(fields, lines, pdf),
        originalRxFile: pdf.toString('base64'),
        hiRxno: ids.hiRxno,
      });
    const err = String(await rejection(sign(snakeDrugLines(data.rxdrugdetail))));
    expect(err).toContain('patnName 与预核验的处方不符');
    expect(err).not.toContain('x_rxdrugdetail_sm3');
    expect(String(await rejection(sign([])))).toContain('处方明细摘要');
  });
});
