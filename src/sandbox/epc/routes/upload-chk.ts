import { compactTime, parseDateTime } from '../../../center/clock';
import { sm3Hex } from '../../../center/crypto';
import { RX_STATUS } from '../../../center/rx/rx-status';
import { nextCounter } from '../../db';
import { findPatientByCert } from '../../patients';
import { Refusal } from '../../refusal';
import { EPC_CODES } from '../codes';
import type { EpcRoute } from '../context';
import { FieldReader } from '../fields';

const TRACE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/**
 * uploadChk 上传预核验 (research §2.1): checks the prescription, identifies the patient by the
 * 就诊凭证, and answers hiRxno (30) + rxTraceCode (20). Re-sending the same content for the
 * same hospRxno returns the same numbers; different content for it is refused.
 */
export const uploadChk: EpcRoute = (ctx) => {
  const d = ctx.data;
  const f = new FieldReader();
  const certType = f.required(d, 'mdtrtCertType', '就诊凭证类型');
  const certNo = f.required(d, 'mdtrtCertNo', '就诊凭证编号');
  const cardSn = f.text(d, 'cardSn');
  const hospRxno = f.required(d, 'hospRxno', '院内处方编号');
  f.required(d, 'rxTypeCode', '处方类别代码');
  const prscTime = f.required(d, 'prscTime', '开方时间');
  if (prscTime && !parseDateTime(prscTime))
    f.problem('开方时间（prscTime）应为 yyyy-MM-dd HH:mm:ss');
  const valiDays = f.required(d, 'valiDays', '处方有效天数');
  if (valiDays && !/^([1-9]|[12]\d|30)$/.test(valiDays))
    f.problem('处方有效天数（valiDays）应为 1–30 的整数');
  const lines = f.list(d, 'rxdrugdetail', '处方明细');
  lines.forEach((line, i) => {
    const at = new FieldReader(`处方明细第 ${i + 1} 行`);
    at.required(line, 'medListCodg', '医保药品目录编码');
    at.required(line, 'drugGenname', '药品通用名');
    const cnt = at.required(line, 'drugCnt', '药品总用量');
    if (cnt && !(Number(cnt) > 0))
      at.problem(`处方明细第 ${i + 1} 行药品总用量（drugCnt）应大于 0`);
    f.problems.push(...at.problems);
  });
  const visit = f.object(d, 'mdtrtinfo', '就诊信息');
  const fixmedinsCode = f.required(visit, 'fixmedinsCode', '定点医疗机构编号');
  const mdtrtId = f.required(visit, 'mdtrtId', '就诊 ID');
  const patnName = f.required(visit, 'patnName', '患者姓名');
  const psnCertType = f.required(visit, 'psnCertType', '患者证件类型');
  const certno = f.required(visit, 'certno', '患者证件号码');
  if (!ctx.uncheckedSigners) {
    f.required(visit, 'drCode', '开方医师医保医师代码');
    f.required(visit, 'prscDrName', '开方医师姓名');
  }
  f.list(d, 'diseinfo', '诊断信息');
  f.done();

  if (fixmedinsCode !== ctx.app.fixmedinsCode) {
    throw new Refusal(`定点医疗机构编号 ${fixmedinsCode} 与应用所属机构不符`, EPC_CODES.validation);
  }
  const patient = findPatientByCert(ctx.db, certType, certNo, cardSn);
  if (patient.psn_name !== patnName || patient.certno !== certno) {
    throw new Refusal('就诊信息中的患者姓名或证件号码与就诊凭证不符', EPC_CODES.validation);
  }

  const payload = JSON.stringify(d);
  const existing = ctx.db
    .prepare(
      'SELECT hi_rxno, rx_trace_code, upload_chk FROM epc_prescriptions WHERE fixmedins_code = ? AND hosp_rxno = ?',
    )
    .get(fixmedinsCode, hospRxno) as
    | { hi_rxno: string; rx_trace_code: string; upload_chk: string }
    | undefined;
  if (existing) {
    if (existing.upload_chk !== payload) {
      throw new Refusal(
        `院内处方编号 ${hospRxno} 已预核验且内容不同，请使用新的院内处方编号`,
        EPC_CODES.conflict,
      );
    }
    return { hiRxno: existing.hi_rxno, rxTraceCode: existing.rx_trace_code };
  }

  const serial = nextCounter(ctx.db, 'hi_rxno');
  const hiRxno = `${ctx.app.admdvs}${compactTime(ctx.now)}${String(serial).padStart(10, '0')}`;
  const rxTraceCode = newTraceCode(ctx.db, serial);
  ctx.db
    .prepare(
      `INSERT INTO epc_prescriptions (hi_rxno, rx_trace_code, fixmedins_code, hosp_rxno, psn_no, patn_name, psn_cert_type,
         certno, mdtrt_id, rx_stas_codg, upload_chk, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      hiRxno,
      rxTraceCode,
      fixmedinsCode,
      hospRxno,
      patient.psn_no,
      patnName,
      psnCertType,
      certno,
      mdtrtId,
      RX_STATUS.prechecked.codg,
      payload,
      ctx.now.getTime(),
      ctx.now.getTime(),
    );
  return { hiRxno, rxTraceCode };
};

/**
 * Derived from the prescription's serial, so a fresh sandbox database gives its seeded demo
 * prescriptions the same trace codes (and QR strings) every time: docs/sandbox.md lists them.
 * A sandbox choice; the real center's codes are not predictable.
 */
function newTraceCode(db: Parameters<typeof nextCounter>[0], serial: number): string {
  for (let attempt = 0; ; attempt++) {
    const digest = Buffer.from(sm3Hex(`sandbox-rx-trace:${serial}:${attempt}`), 'hex');
    let code = '';
    for (let i = 0; i < 20; i++) code += TRACE_ALPHABET[(digest[i] ?? 0) % TRACE_ALPHABET.length];
    if (!db.prepare('SELECT 1 FROM epc_prescriptions WHERE rx_trace_code = ?').get(code))
      return code;
  }
}
