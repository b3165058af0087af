import { compactTime, dateTime } from '../../center/clock';
import { EpcClient } from '../../center/epc-client';
import { EPC_QR_PREFIX } from '../../center/rx/fsi-72xx';
import { layoutLine } from '../../center/rx/layout-fields';
import { buildOriginalValue, type SignedFields } from '../../center/rx/rx-file';
import type { CatalogDrug } from '../../domain/catalog/catalog-drug';
import { loadSandboxConfig, type SandboxConfig } from '../config';
import { findHospital, type SandboxHospital } from '../hospitals';
import { buildRxView, type RxView, viewLayoutFields } from '../rx/rx-view';
import { snakeDrugLines } from '../rx/snake-case';
import { DEMO_PATIENTS, type DemoPatient } from '../seed-data';
import { sandboxCatalog } from './catalog';
import { resetCenterClock, setCenterClock } from './center-clock';
import { diagnosisFor, staffOf } from './clinic-data';
import { type DrugOrder, uploadDrugLine } from './drug-lines';
import { nextHospitalSerial } from './hospital-serial';
import { renderLayoutPdf } from './layout-pdf';

/**
 * The sandbox hospital, client side: creates one prescription through the real path of the
 * e-prescription center over HTTP (uploadChk → rxFixmedinsSign → rxFileUpld) with the
 * hospital's own EPC app, exactly as a hospital system would. Used by the first-start seeding,
 * `npm run sandbox:rx`, the hospital page and the tests.
 */
export interface HospitalClientOptions {
  /** The sandbox's base URL, e.g. http://127.0.0.1:8097. */
  baseUrl: string;
  /** Default: the built-in config/sandbox.json. */
  config?: SandboxConfig;
  catalog?: Map<string, CatalogDrug>;
  timeoutMs?: number;
}

export interface PrescriptionOrder {
  /** A demo patient, or a demo patient's name or ID number. */
  patient: DemoPatient | string;
  /** Catalog codes (medListCodg) or drug orders; at least one. */
  drugs: ReadonlyArray<string | DrugOrder>;
  /** Prescribing hospital (fixmedinsCode); default `epc.hospital`. */
  hospital?: string;
  /** 就诊凭证 the hospital used: 01 e-voucher token (default), 02 ID number, 03 card. */
  certType?: '01' | '02' | '03';
  /** Days the prescription is valid (uploadChk valiDays, default 3). */
  valiDays?: number;
  /** 长期处方 (R-LONGRX): longRxFlag 1. */
  longRx?: boolean;
  diagnosis?: { code: string; name: string };
  /**
   * 医疗类别 of the visit: 11 普通门诊 (default), 14 门诊慢特病 (门特/门慢, R-MT-SETTLE), 21 普通住院
   * (an inpatient stay: its dual-channel drugs bought outside settle with the stay).
   */
  medType?: '11' | '14' | '21';
  /**
   * Number of the patient's approved “双通道”药品使用申请表 (门诊慢特病 patients, R-DUAL-FIX),
   * uploaded with the visit as our extension `xDualApplyNo`.
   */
  dualApplyNo?: string;
  /**
   * Create the prescription this far from now on the center's clock (e.g. −10 days): the
   * center's clock is shifted for the three calls and reset afterwards; prscTime follows it.
   */
  clockOffsetMs?: number;
  /** Which of the hospital's doctors/pharmacists (default 0). */
  staffIndex?: number;
  /**
   * Leave a signer out (R-SIGNERS): the prescribing physician, the reviewing pharmacist or the
   * review time is sent empty. The center refuses that unless the 'unchecked-signers' fault is set.
   */
  unsigned?: 'physician' | 'pharmacist' | 'reviewTime';
  /**
   * The layout file (版式文件) as another hospital system would make it, from the same view the
   * pharmacy later downloads (default: the sandbox's own one-line-per-field PDF). It is signed
   * and uploaded like any layout file.
   */
  renderLayout?: (view: RxView) => Buffer | Promise<Buffer>;
}

export interface CreatedPrescription {
  hiRxno: string;
  rxTraceCode: string;
  /** The QR string a patient shows at the pharmacy: `EPCQR01` + rxTraceCode (7201 `epc_qrcd`). */
  qr: string;
  hospRxno: string;
  fixmedinsCode: string;
  fixmedinsName: string;
  psnNo: string;
  prscTime: string;
  signCertSn: string;
  signCertDn: string;
}

export function findDemoPatient(who: DemoPatient | string): DemoPatient {
  if (typeof who !== 'string') return who;
  const p = DEMO_PATIENTS.find((d) => d.name === who || d.certno === who || d.psnNo === who);
  if (!p) throw new Error(`没有这位演示参保人：${who}（可用姓名、身份证号或人员编号）`);
  return p;
}

export function hospitalClient(opts: HospitalClientOptions, hospital: SandboxHospital): EpcClient {
  const config = opts.config ?? loadSandboxConfig();
  return new EpcClient({
    baseUrl: opts.baseUrl,
    pathPrefix: config.epc.pathPrefix,
    appId: hospital.appId,
    appSecret: hospital.appSecret,
    privateKey: hospital.appKeys.privateKey,
    platformPublicKey: config.epc.platformKeys.publicKey,
    sm2UserId: config.epc.sm2UserId,
    timeoutMs: opts.timeoutMs ?? 15_000,
  });
}

function resolveHospital(config: SandboxConfig, code: string | undefined): SandboxHospital {
  const hospital = findHospital(config, code ?? config.epc.hospital.fixmedinsCode);
  if (!hospital) throw new Error(`沙箱中没有这家医院：${code}`);
  return hospital;
}

export async function createPrescription(
  opts: HospitalClientOptions,
  order: PrescriptionOrder,
): Promise<CreatedPrescription> {
  const config = opts.config ?? loadSandboxConfig();
  const catalog = opts.catalog ?? sandboxCatalog();
  const hospital = resolveHospital(config, order.hospital);
  const patient = findDemoPatient(order.patient);
  const drugs = order.drugs.map((d) => (typeof d === 'string' ? { medListCodg: d } : d));
  if (drugs.length === 0) throw new Error('处方至少需要一种药品');
  const lines = drugs.map((d, i) => {
    const drug = catalog.get(d.medListCodg);
    if (!drug) throw new Error(`药品目录中没有此医保目录编码：${d.medListCodg}`);
    return uploadDrugLine(drug, d, i);
  });
  const offset = order.clockOffsetMs ?? 0;
  if (offset !== 0) await setCenterClock(opts.baseUrl, offset);
  try {
    return await submit(
      opts,
      config,
      hospital,
      patient,
      order,
      lines,
      new Date(Date.now() + offset),
    );
  } finally {
    if (offset !== 0) await resetCenterClock(opts.baseUrl);
  }
}

async function submit(
  opts: HospitalClientOptions,
  config: SandboxConfig,
  hospital: SandboxHospital,
  patient: DemoPatient,
  order: PrescriptionOrder,
  lines: ReturnType<typeof uploadDrugLine>[],
  at: Date,
): Promise<CreatedPrescription> {
  const epc = hospitalClient({ ...opts, config }, hospital);
  const staff = withoutSigner(staffOf(hospital.admdvs, order.staffIndex ?? 0), order.unsigned);
  const firstCode = lines[0]?.medListCodg ?? '';
  const diag = order.diagnosis ?? diagnosisFor(firstCode);
  const valiDays = order.valiDays ?? 3;
  const prscTime = dateTime(at);
  const pharChkTime =
    order.unsigned === 'reviewTime' ? '' : dateTime(new Date(at.getTime() + 5 * 60_000));
  const certType = order.certType ?? '01';
  const stamp = `${compactTime(at)}${nextHospitalSerial()}`;
  const upload = {
    mdtrtCertType: certType,
    mdtrtCertNo:
      certType === '01' ? patient.ecToken : certType === '02' ? patient.certno : patient.cardNo,
    ...(certType === '03' ? { cardSn: patient.cardSn } : {}),
    bizTypeCode: '01',
    hospRxno: `RX${stamp}`,
    rxTypeCode: '1',
    prscTime,
    rxDrugCnt: lines.length,
    valiDays,
    valiEndTime: dateTime(new Date(at.getTime() + valiDays * 86_400_000)),
    reptFlag: '0',
    longRxFlag: order.longRx ? '1' : '0',
    rxdrugdetail: lines,
    mdtrtinfo: {
      fixmedinsCode: hospital.fixmedinsCode,
      fixmedinsName: hospital.fixmedinsName,
      mdtrtId: `MD${stamp}`,
      medType: order.medType ?? '11',
      ...(order.dualApplyNo ? { xDualApplyNo: order.dualApplyNo } : {}),
      psnNo: patient.psnNo,
      patnName: patient.name,
      psnCertType: '01',
      certno: patient.certno,
      mdtrtTime: prscTime,
      maindiagCode: diag.code,
      maindiagName: diag.name,
      ...staff,
      pharChkTime,
    },
    diseinfo: [
      {
        diagType: '1',
        maindiagFlag: '1',
        diagSrtNo: '1',
        diagCode: diag.code,
        diagName: diag.name,
        diagDept: staff.prscDeptName,
        diagDrNo: staff.drCode,
        diagDrName: staff.prscDrName,
        diagTime: prscTime,
      },
    ],
  };
  const ids = await epc.call<{ hiRxno: string; rxTraceCode: string }>('uploadChk', upload);
  const signed: SignedFields = {
    rxTraceCode: ids.rxTraceCode,
    hiRxno: ids.hiRxno,
    mdtrtId: upload.mdtrtinfo.mdtrtId,
    patnName: patient.name,
    psnCertType: '01',
    certno: patient.certno,
    fixmedinsName: hospital.fixmedinsName,
    fixmedinsCode: hospital.fixmedinsCode,
    drCode: staff.drCode,
    prscDrName: staff.prscDrName,
    pharDeptName: staff.pharDeptName,
    pharDeptCode: staff.pharDeptCode,
    pharProfttlCodg: staff.pharProfttlCodg,
    pharProfttlName: staff.pharProfttlName,
    pharCode: staff.pharCode,
    pharCertType: staff.pharCertType,
    pharCertno: staff.pharCertno,
    pharName: staff.pharName,
    pharPracCertNo: staff.pharPracCertNo,
    pharChkTime,
  };
  const view = buildRxView(upload, signed);
  const pdf = order.renderLayout
    ? await order.renderLayout(view)
    : renderLayoutPdf({
        title: `${hospital.fixmedinsName} 电子处方`,
        lines: viewLayoutFields(view).map(layoutLine),
      });
  const originalValue = buildOriginalValue(signed, snakeDrugLines(lines), pdf);
  const sign = await epc.call<{
    rxFile: string;
    signDigest: string;
    signCertSn: string;
    signCertDn: string;
  }>('rxFixmedinsSign', {
    fixmedinsCode: hospital.fixmedinsCode,
    originalValue,
    originalRxFile: pdf.toString('base64'),
    extras: '',
    hiRxno: ids.hiRxno,
  });
  await epc.call('rxFileUpld', { ...signed, rxFile: sign.rxFile, signDigest: sign.signDigest });
  return {
    hiRxno: ids.hiRxno,
    rxTraceCode: ids.rxTraceCode,
    qr: `${EPC_QR_PREFIX}${ids.rxTraceCode}`,
    hospRxno: upload.hospRxno,
    fixmedinsCode: hospital.fixmedinsCode,
    fixmedinsName: hospital.fixmedinsName,
    psnNo: patient.psnNo,
    prscTime,
    signCertSn: sign.signCertSn,
    signCertDn: sign.signCertDn,
  };
}

function withoutSigner<
  T extends { drCode: string; prscDrName: string; pharCode: string; pharName: string },
>(staff: T, unsigned: PrescriptionOrder['unsigned']): T {
  if (unsigned === 'physician') return { ...staff, drCode: '', prscDrName: '' };
  if (unsigned === 'pharmacist') return { ...staff, pharCode: '', pharName: '' };
  return staff;
}

/** rxUndo by the prescribing hospital (refused by the center once the prescription is used). */
export async function revokePrescription(
  opts: HospitalClientOptions,
  rx: { hiRxno: string; fixmedinsCode: string; reason?: string },
): Promise<{ hiRxno: string; rxStasCodg: string; rxStasName: string }> {
  const config = opts.config ?? loadSandboxConfig();
  const hospital = resolveHospital(config, rx.fixmedinsCode);
  const staff = staffOf(hospital.admdvs, 0);
  return hospitalClient({ ...opts, config }, hospital).call('rxUndo', {
    hiRxno: rx.hiRxno,
    fixmedinsCode: hospital.fixmedinsCode,
    drCode: staff.drCode,
    undoDrName: staff.prscDrName,
    undoDrCertType: '01',
    undoDrCertno: staff.pharCertno,
    undoRea: rx.reason ?? '医师撤销处方',
    undoTime: dateTime(new Date()),
  });
}
