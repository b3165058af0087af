/**
 * Verifiable prescription files (`*.rx.json`) signed with the PKI fixture's keys, plus the
 * tampering the verifier must catch. Shared by the rx unit tests, the CLI test and the bench.
 */
import { sm2SignFast } from '../../../src/center/crypto';
import {
  buildOriginalValue,
  type RxDrugLine,
  type RxFile,
  type SignedFields,
} from '../../../src/center/rx/rx-file';
import type { Issued } from '../../support/pki';

export function signedFields(overrides: Partial<SignedFields> = {}): SignedFields {
  return {
    rxTraceCode: 'RX500103202603010001',
    hiRxno: 'H500103202603010001',
    mdtrtId: 'MD500103202603010001',
    patnName: '张三',
    psnCertType: '01',
    certno: '500103199001011234',
    fixmedinsName: '重庆市某某人民医院',
    fixmedinsCode: 'H50010300001',
    drCode: 'D500103000123',
    prscDrName: '李医生',
    pharDeptName: '药剂科',
    pharDeptCode: 'YJK',
    pharProfttlCodg: '235',
    pharProfttlName: '主管药师',
    pharCode: 'Y500103000045',
    pharCertType: '01',
    pharCertno: '500103198505051234',
    pharName: '王药师',
    pharPracCertNo: 'ZY2019500103045',
    pharChkTime: '2026-02-27 10:15:00',
    ...overrides,
  };
}

export function drugLines(n = 5, seed = 0): RxDrugLine[] {
  return Array.from({ length: n }, (_, i) => ({
    med_list_codg: `XJ01CAA0${(seed * 7 + i) % 10}0E00${i}`,
    drug_genname: [
      '阿莫西林胶囊',
      '氨氯地平片',
      '二甲双胍缓释片',
      '阿托伐他汀钙片',
      '布洛芬缓释胶囊',
    ][i % 5],
    drug_prodname: '某某牌',
    drug_spec: '0.25g*24粒',
    drug_dosform: '胶囊剂',
    drug_cnt: 2 + (i % 3),
    drug_dosunt: '盒',
    sin_doscnt: 0.5,
    sin_dosunt: 'g',
    used_frqu_codg: 'tid',
    used_frqu_name: '每日三次',
    medc_way_codg: '1',
    medc_way_dscr: '口服',
    medc_days: 7 + i,
    drug_pric: 12.5,
    drug_sumamt: 25.0 * (2 + (i % 3)),
  }));
}

/** A PDF-looking layout file of about `size` bytes; `seed` makes each one distinct. */
export function layoutPdf(size = 20 * 1024, seed = 0): Buffer {
  const head = Buffer.from(`%PDF-1.4\n% 电子处方 ${seed}\n1 0 obj << /Type /Catalog >> endobj\n`);
  const body = Buffer.alloc(Math.max(0, size - head.length - 6));
  let x = (seed * 2654435761) >>> 0 || 1;
  for (let i = 0; i < body.length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    body[i] = 32 + ((x >>> 0) % 95);
  }
  return Buffer.concat([head, body, Buffer.from('\n%%EOF')]);
}

export interface BuildOptions {
  fields?: Partial<SignedFields>;
  lines?: RxDrugLine[];
  pdf?: Buffer;
  /** Sign with this key instead of the certificate's own. */
  signingKey?: string;
}

export function buildRxFile(signer: Issued, opts: BuildOptions = {}): RxFile {
  const lines = opts.lines ?? drugLines();
  const pdf = opts.pdf ?? layoutPdf();
  const originalValue = buildOriginalValue(signedFields(opts.fields), lines, pdf);
  const signDigest = sm2SignFast(
    Buffer.from(originalValue, 'base64'),
    opts.signingKey ?? signer.keyPair.privateKey,
  );
  return {
    originalValue,
    signDigest,
    signCertSn: signer.cert.serialHex,
    signCertDn: signer.cert.subjectDn,
    x_sign_cert: signer.der.toString('base64'),
    rxdrugdetail: lines,
    rx_file: pdf.toString('base64'),
    hi_rxno: signedFields(opts.fields).hiRxno,
  };
}

/** Decoded signed payload of a file, edited, re-encoded, signature kept (so it must fail). */
export function withEditedPayload(
  file: RxFile,
  edit: (p: Record<string, unknown>) => void,
): RxFile {
  const payload = JSON.parse(Buffer.from(file.originalValue, 'base64').toString('utf8'));
  edit(payload);
  return {
    ...file,
    originalValue: Buffer.from(JSON.stringify(payload), 'utf8').toString('base64'),
  };
}
