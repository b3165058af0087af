import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EpcClient, type EpcConfig } from '../../../src/center/epc-client';
import { type FsiCall, FsiClient, type FsiConfig } from '../../../src/center/fsi-client';
import { tifHeaders } from '../../../src/center/tif-headers';
import { loadSandboxConfig } from '../../../src/sandbox/config';
import type { DemoPatient } from '../../../src/sandbox/seed-data';
import { type RunningSandbox, startSandbox } from '../../../src/sandbox/server';

export const CONFIG = loadSandboxConfig(
  path.resolve(import.meta.dirname, '../../../config/sandbox.json'),
);
export const PHARMACY = CONFIG.pharmacy;
export const OPTER = { opter: 'yaoshi', opterName: '测试药师' };

export interface SandboxFixture {
  sandbox: RunningSandbox;
  fsi: FsiClient;
  epc: EpcClient;
  fsiConfig: FsiConfig;
  epcConfig: EpcConfig;
  /** Raw POST to the FSI route with correct TIF headers unless overridden. */
  postFsi(body: unknown, headers?: Record<string, string | undefined>): Promise<Response>;
  fault(rule: Record<string, unknown>): Promise<Response>;
  clearFaults(): Promise<void>;
  /** 9001 for the demo pharmacy; returns the sign_no. */
  signIn(): Promise<string>;
  call(call: Omit<FsiCall, 'opter' | 'opterName'>): ReturnType<FsiClient['call']>;
  close(): Promise<void>;
}

/** The sandbox in-process on an ephemeral port with a temporary database, plus real clients. */
export async function startFixture(
  timeoutMs = 2_000,
  opts: { demoPrescriptions?: boolean } = {},
): Promise<SandboxFixture> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sandbox-it-'));
  const sandbox = await startSandbox({
    port: 0,
    dbFile: path.join(dir, 'sandbox.db'),
    demoPrescriptions: opts.demoPrescriptions ?? false,
  });
  const fsiConfig: FsiConfig = {
    baseUrl: sandbox.url,
    path: CONFIG.fsi.path,
    paasid: CONFIG.fsi.paasid,
    paasToken: CONFIG.fsi.paasToken,
    fixmedinsCode: PHARMACY.fixmedinsCode,
    fixmedinsName: PHARMACY.fixmedinsName,
    mdtrtareaAdmvs: PHARMACY.admdvs,
    devNo: PHARMACY.devNo,
    timeoutMs,
  };
  const epcConfig: EpcConfig = {
    baseUrl: sandbox.url,
    pathPrefix: CONFIG.epc.pathPrefix,
    appId: CONFIG.epc.appId,
    appSecret: CONFIG.epc.appSecret,
    privateKey: CONFIG.epc.appKeys.privateKey,
    platformPublicKey: CONFIG.epc.platformKeys.publicKey,
    sm2UserId: CONFIG.epc.sm2UserId,
    timeoutMs,
  };
  const fsi = new FsiClient(fsiConfig);
  const epc = new EpcClient(epcConfig);
  const call: SandboxFixture['call'] = (c) => fsi.call({ ...OPTER, ...c });
  return {
    sandbox,
    fsi,
    epc,
    fsiConfig,
    epcConfig,
    postFsi(body, headers = {}) {
      const all: Record<string, string | undefined> = {
        'content-type': 'application/json',
        ...tifHeaders(CONFIG.fsi.paasid, CONFIG.fsi.paasToken),
        ...headers,
      };
      const clean = Object.fromEntries(
        Object.entries(all).filter((e): e is [string, string] => e[1] !== undefined),
      );
      return fetch(`${sandbox.url}${CONFIG.fsi.path}`, {
        method: 'POST',
        headers: clean,
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
    },
    fault(rule) {
      return fetch(`${sandbox.url}/x/sandbox/faults`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(rule),
      });
    },
    async clearFaults() {
      await fetch(`${sandbox.url}/x/sandbox/faults`, { method: 'DELETE' });
    },
    async signIn() {
      const res = await call({
        infno: '9001',
        input: { signIn: { opter_no: OPTER.opter, mac: '', ip: '127.0.0.1' } },
      });
      const out = res.output as { signinoutb?: { sign_no?: string } } | null;
      const signNo = out?.signinoutb?.sign_no;
      if (res.infcode !== 0 || !signNo) throw new Error(`9001 failed: ${res.err_msg}`);
      return signNo;
    },
    call,
    async close() {
      await sandbox.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** What an error-returning promise rejected with (fails the test when it resolves). */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (err) {
    return err;
  }
  throw new Error('expected a rejection, but the call succeeded');
}

let uploadSeq = 0;

/** A minimal but complete uploadChk business body for a demo patient (by e-voucher token). */
export function uploadChkData(patient: DemoPatient, overrides: Record<string, unknown> = {}) {
  uploadSeq += 1;
  return {
    mdtrtCertType: '01',
    mdtrtCertNo: patient.ecToken,
    bizTypeCode: '01',
    hospRxno: `RX${Date.now()}${uploadSeq}`,
    rxTypeCode: '1',
    prscTime: '2025-06-01 09:30:00',
    rxDrugCnt: 1,
    valiDays: 3,
    valiEndTime: '2025-06-04 09:30:00',
    rxdrugdetail: [
      {
        medListCodg: 'XA10BAE054A001010104107',
        drugGenname: '盐酸二甲双胍片',
        drugSpec: '0.5g*20片',
        drugCnt: 2,
        drugDosunt: '盒',
        drugPric: 12.5,
        drugSumamt: 25,
      },
    ],
    mdtrtinfo: {
      fixmedinsCode: CONFIG.epc.hospital.fixmedinsCode,
      fixmedinsName: CONFIG.epc.hospital.fixmedinsName,
      mdtrtId: `MDTRT${uploadSeq}`,
      medType: '11',
      psnNo: patient.psnNo,
      patnName: patient.name,
      psnCertType: '01',
      certno: patient.certno,
      drCode: 'D500103000001',
      prscDrName: '沙箱医师',
      maindiagCode: 'E11.900',
    },
    diseinfo: [
      {
        diagType: '1',
        maindiagFlag: '1',
        diagSrtNo: '1',
        diagCode: 'E11.900',
        diagName: '2型糖尿病',
      },
    ],
    ...overrides,
  };
}
