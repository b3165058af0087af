import { expect } from 'vitest';
import { dateTime } from '../../../src/center/clock';
import type { FsiRequest, FsiResponse } from '../../../src/center/fsi-client';
import { out7201Schema, out7204Schema, out7205Schema } from '../../../src/center/rx/fsi-72xx';
import { RX_CHK_STATUS } from '../../../src/center/rx/fsi-7206';
import type { FsiInfno, TransactionInput } from '../../../src/center/transactions';
import {
  type CreatedPrescription,
  createPrescription,
  type PrescriptionOrder,
} from '../../../src/sandbox/hospital/create-prescription';
import type { DrugOrder } from '../../../src/sandbox/hospital/drug-lines';
import { DEMO_PATIENTS, DEMO_PHARMACISTS, type DemoPatient } from '../../../src/sandbox/seed-data';
import { CONFIG, OPTER, PHARMACY, type SandboxFixture } from './helpers';
import { ok72 } from './rx-flow-helpers';

export const DRUG = {
  amoxicillin: 'XJ01CAA040A001010100435',
  amlodipine: 'XC08CAA010A001010201587',
  metformin: 'XA10BAA115A001010104107',
  atorvastatin: 'XC10AAA050A001010103356',
  ibuprofen: 'XM01AEB010E001020104466',
  osimertinib: 'XL01EBA110A001010101911',
  empagliflozin: 'XA10BKE020A001010103765',
} as const;

/** Trace product identifiers of the catalog drugs used here (config/catalog/drugs.json). */
export const TRACE_PREFIX: Record<string, string> = {
  [DRUG.metformin]: '8031111',
  [DRUG.atorvastatin]: '8041481',
  [DRUG.amlodipine]: '8020741',
  [DRUG.osimertinib]: '8093331',
};

export const DELIVERY_FEE = 'X00000000DELIVERY';

export function demo(name: string): DemoPatient {
  const p = DEMO_PATIENTS.find((d) => d.name === name);
  if (!p) throw new Error(`no demo patient ${name}`);
  return p;
}

let codeSeq = 0;
/** A fresh 20-digit traceability code for a drug. */
export function traceCode(medListCodg: string): string {
  codeSeq += 1;
  const prefix = TRACE_PREFIX[medListCodg] ?? '8000000';
  return `${prefix}${String(Date.now() % 1e7).padStart(7, '0')}${String(codeSeq).padStart(6, '0')}`;
}

export interface ReviewedRx {
  rx: CreatedPrescription;
  chkSn: string;
}

/** A prescription taken through 7201 → 7204 → 7205 → 7206 (pass): 已审核. */
export async function reviewedRx(
  f: SandboxFixture,
  signNo: string,
  patient: DemoPatient,
  drugs: DrugOrder[],
  order: Omit<PrescriptionOrder, 'patient' | 'drugs'> = {},
): Promise<ReviewedRx> {
  const rx = await createPrescription(
    { baseUrl: f.sandbox.url, config: CONFIG },
    { ...order, patient, drugs },
  );
  const token = out7201Schema.parse(await ok72(f, signNo, '7201', { epc_qrcd: rx.qr })).data
    .epc_token;
  const o4 = out7204Schema.parse(await ok72(f, signNo, '7204', { epc_token: token }));
  const o5 = out7205Schema.parse(
    await ok72(f, signNo, '7205', {
      hi_rxno: rx.hiRxno,
      epc_token: token,
      sign_digest: o4.data.signDigest,
      sign_cert_sn: o4.data.signCertSn,
    }),
  );
  const pharmacist = DEMO_PHARMACISTS[0];
  const ph = DEMO_PATIENTS.find((p) => p.certno === pharmacist?.certno);
  if (!pharmacist || !ph) throw new Error('demo pharmacist missing');
  const res = await f.call({
    infno: '7206',
    signNo,
    input: {
      rx_chk_up_info: {
        hi_rxno: rx.hiRxno,
        epc_token: token,
        ec_token: ph.ecToken,
        fixmedins_code: PHARMACY.fixmedinsCode,
        fixmedins_name: PHARMACY.fixmedinsName,
        phar_cert_type: pharmacist.certType,
        phar_certno: pharmacist.certno,
        phar_code: pharmacist.pharCode,
        phar_name: pharmacist.pharName,
        rx_chk_opnn: '处方合理',
        rx_chk_time: dateTime(new Date()),
        rx_chk_stas_codg: RX_CHK_STATUS.pass.codg,
        rx_sign_verify_sn: o5.data.rx_sign_verify_sn,
      },
    },
  });
  expect(res.err_msg).toBe('');
  const chkSn = (res.output as { data: { rx_chk_biz_sn: string } }).data.rx_chk_biz_sn;
  return { rx, chkSn };
}

export interface Line {
  code: string;
  cnt: number;
  /** Yuan per pack. */
  pric: number;
}

let feeSeq = 0;

/** A 2101/2102 input: node druginfo + drugdetail, amounts in yuan. */
export function settleInput(
  patient: DemoPatient,
  lines: Line[],
  opts: { insutype?: string; acct?: boolean; hiRxno?: string; medfee?: number } = {},
) {
  const amounts = lines.map((l) => Math.round(l.cnt * l.pric * 100));
  const sum = amounts.reduce((a, b) => a + b, 0);
  return {
    druginfo: {
      psn_no: patient.psnNo,
      mdtrt_cert_type: '01',
      mdtrt_cert_no: patient.ecToken,
      begntime: dateTime(new Date()),
      medfee_sumamt: opts.medfee ?? sum / 100,
      insutype: opts.insutype ?? patient.insurances[0]?.insutype ?? '310',
      acct_used_flag: opts.acct ? '1' : '0',
      med_type: '41',
      psn_setlway: '01',
    },
    drugdetail: lines.map((l, i) => {
      feeSeq += 1;
      return {
        feedetl_sn: `FD${feeSeq}`,
        rxno: opts.hiRxno ?? '',
        rx_circ_flag: opts.hiRxno ? '1' : '0',
        fee_ocur_time: dateTime(new Date()),
        med_list_codg: l.code,
        medins_list_codg: `HIS${i}`,
        det_item_fee_sumamt: (amounts[i] ?? 0) / 100,
        cnt: l.cnt,
        pric: l.pric,
      };
    }),
  };
}

export function settleRequest(
  f: SandboxFixture,
  signNo: string,
  infno: FsiInfno,
  input: object,
  patient: DemoPatient,
): FsiRequest {
  return f.fsi.buildRequest({
    ...OPTER,
    infno,
    signNo,
    input: input as TransactionInput<FsiInfno>,
    insuplcAdmdvs: patient.insuplcAdmdvs,
  });
}

export type SetlInfo = Record<string, number | string>;

export function setlinfoOf(res: FsiResponse): SetlInfo {
  expect(res.err_msg).toBe('');
  expect(res.infcode).toBe(0);
  return (res.output as { setlinfo: SetlInfo }).setlinfo;
}

/** The balance 1101 reports for one insutype. */
export async function balance(
  f: SandboxFixture,
  signNo: string,
  patient: DemoPatient,
  insutype = '310',
): Promise<number> {
  const res = await f.call({
    infno: '1101',
    signNo,
    input: { data: { mdtrt_cert_type: '01', mdtrt_cert_no: patient.ecToken } },
  });
  const list = (res.output as { insuinfo: { insutype: string; balc: number }[] }).insuinfo;
  return list.find((i) => i.insutype === insutype)?.balc ?? Number.NaN;
}

export async function rxStatus(f: SandboxFixture, rx: CreatedPrescription): Promise<string> {
  const out = await f.epc.call<{ rxStasName: string }>('hospRxDetlQuery', {
    fixmedinsCode: rx.fixmedinsCode,
    hiRxno: rx.hiRxno,
  });
  return out.rxStasName;
}

export async function getJson<T>(f: SandboxFixture, path: string): Promise<T> {
  const res = await fetch(`${f.sandbox.url}${path}`);
  expect(res.status).toBe(200);
  return (await res.json()) as T;
}

/** Fen-exact check of the amount identities of a setlinfo. */
export function expectInvariants(s: SetlInfo): void {
  const fen = (k: string) => Math.round(Number(s[k]) * 100);
  for (const [k, v] of Object.entries(s)) {
    if (typeof v === 'number') {
      expect(v, k).toBeGreaterThanOrEqual(0);
      expect(Math.abs(v * 100 - Math.round(v * 100)), k).toBeLessThan(1e-6);
    }
  }
  expect(fen('medfee_sumamt')).toBe(fen('fund_pay_sumamt') + fen('psn_part_amt'));
  expect(fen('psn_part_amt')).toBe(fen('acct_pay') + fen('psn_cash_pay'));
  expect(fen('medfee_sumamt')).toBe(
    fen('fulamt_ownpay_amt') +
      fen('overlmt_selfpay') +
      fen('preselfpay_amt') +
      fen('inscp_scp_amt'),
  );
}
