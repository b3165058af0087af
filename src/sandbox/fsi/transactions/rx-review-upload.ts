import { compactTime, parseDateTime } from '../../../center/clock';
import { RX_CHK_OPNN_MAX, RX_CHK_STATUS, rxChkResultOf } from '../../../center/rx/fsi-7206';
import { RX_STATUS } from '../../../center/rx/rx-status';
import { nextCounter } from '../../db';
import { findPatientByCert } from '../../patients';
import { findPharmacist } from '../../pharmacists';
import { Refusal } from '../../refusal';
import { effectiveStatus, setRxStatus } from '../../rx/rx-store';
import { type FsiContext, type FsiTransaction, field, requireField } from '../context';
import { rxByToken } from '../rx-access';

const REFUSED_STATUS: Record<string, string> = {
  [RX_STATUS.reviewed.codg]: '处方已审核通过，不能重复审核',
  [RX_STATUS.settled.codg]: '处方已结算，不能再审核',
  [RX_STATUS.dispensed.codg]: '处方已取药，不能再审核',
  [RX_STATUS.revoked.codg]: '处方已被医疗机构撤销，不能审核',
  [RX_STATUS.expired.codg]: '处方已超过有效期（已失效），不能审核',
};

function upInfo(ctx: FsiContext): Record<string, unknown> {
  const node = ctx.request.input.rx_chk_up_info;
  if (typeof node !== 'object' || node === null || Array.isArray(node)) {
    throw new Refusal('输入参数缺少 rx_chk_up_info 节点');
  }
  return node as Record<string, unknown>;
}

/** The reviewer must be a registered pharmacist whose own e-voucher is the one presented. */
function checkPharmacist(ctx: FsiContext, info: Record<string, unknown>): void {
  const pharCode = requireField(info, 'phar_code', '医保药师代码');
  const pharmacist = findPharmacist(ctx.db, pharCode);
  if (pharmacist?.prac_status !== '1') {
    throw new Refusal(`医保药师代码 ${pharCode} 未在医保药师库登记或不在执业状态`);
  }
  const certType = requireField(info, 'phar_cert_type', '药师证件类型');
  const certno = requireField(info, 'phar_certno', '药师证件号码');
  const name = requireField(info, 'phar_name', '药师姓名');
  if (certType !== pharmacist.phar_cert_type || certno !== pharmacist.phar_certno) {
    throw new Refusal('药师证件与医保药师库登记信息不符');
  }
  if (name !== pharmacist.phar_name) throw new Refusal('药师姓名与医保药师库登记信息不符');
  const ecToken = requireField(info, 'ec_token', '审方药师医保电子凭证令牌');
  let owner: string;
  try {
    owner = findPatientByCert(ctx.db, '01', ecToken, '').certno;
  } catch {
    throw new Refusal('审方药师医保电子凭证令牌无效或已过期，请药师刷新本人电子凭证后重新扫码');
  }
  if (owner !== pharmacist.phar_certno) {
    throw new Refusal('医保电子凭证不是审方药师本人的，审方须以药师本人电子凭证核验身份');
  }
}

/**
 * 7206 电子处方审方信息上传 (R-PHARMACIST, R-OPINION; ST-EPC-02-006/007). Checks the fields,
 * the pharmacist registry and the pharmacist's own e-voucher, and the prescription's state
 * (有效 and not expired). A pass moves it to 已审核; a reject records the outcome and leaves it
 * 有效 (the patient may still take it elsewhere, the hospital may still revoke it). Answers
 * `rx_chk_biz_sn` (30 characters). Replays of a msgid are answered by the gateway.
 */
export const rxReviewUpload7206: FsiTransaction = {
  name: '电子处方审方信息上传',
  requiresSignIn: true,
  run(ctx) {
    const info = upInfo(ctx);
    const hiRxno = requireField(info, 'hi_rxno', '医保处方编号');
    const row = rxByToken(ctx, requireField(info, 'epc_token', '电子处方令牌'));
    if (row.hi_rxno !== hiRxno) throw new Refusal('电子处方令牌与医保处方编号不对应');
    const status = effectiveStatus(row, ctx.now);
    if (status.codg !== RX_STATUS.valid.codg) {
      throw new Refusal(REFUSED_STATUS[status.codg] ?? `处方状态为“${status.name}”，不能审核`);
    }
    for (const [name, label] of [
      ['fixmedins_code', '审方机构编号'],
      ['fixmedins_name', '审方机构名称'],
    ] as const)
      requireField(info, name, label);
    if (field(info, 'fixmedins_code') !== ctx.request.fixmedins_code) {
      throw new Refusal('审方机构编号与报文发送机构不一致');
    }
    const result = rxChkResultOf(requireField(info, 'rx_chk_stas_codg', '审核状态'));
    if (!result) {
      throw new Refusal(
        `审核状态（rx_chk_stas_codg）无效，应为 ${RX_CHK_STATUS.pass.codg} 或 ${RX_CHK_STATUS.reject.codg}`,
      );
    }
    const opinion = requireField(info, 'rx_chk_opnn', '审核意见');
    if (opinion.length > RX_CHK_OPNN_MAX) throw new Refusal('审核意见超过 2000 字');
    const chkTime = requireField(info, 'rx_chk_time', '审核时间');
    if (!parseDateTime(chkTime)) throw new Refusal('审核时间格式应为 yyyy-MM-dd HH:mm:ss');
    const verifySn = field(info, 'rx_sign_verify_sn');
    if (result === 'pass') {
      const verified = ctx.db
        .prepare(
          `SELECT 1 FROM rx_sign_verifications
           WHERE rx_sign_verify_sn = ? AND hi_rxno = ? AND fixmedins_code = ? AND vrf_rslt = '1'`,
        )
        .get(verifySn, hiRxno, ctx.request.fixmedins_code);
      if (!verified)
        throw new Refusal('处方签名验签流水号无效：审核通过前须先完成签名核验（7205）');
    }
    checkPharmacist(ctx, info);
    const sn = `${ctx.config.fsi.centerAdmdvs}${compactTime(ctx.now)}${String(nextCounter(ctx.db, 'rx_chk_biz_sn')).padStart(10, '0')}`;
    ctx.db
      .prepare(
        `INSERT INTO rx_reviews (rx_chk_biz_sn, hi_rxno, fixmedins_code, phar_code, phar_name,
           rx_chk_stas_codg, rx_chk_opnn, rx_chk_time, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        sn,
        hiRxno,
        ctx.request.fixmedins_code,
        field(info, 'phar_code'),
        field(info, 'phar_name'),
        RX_CHK_STATUS[result].codg,
        opinion,
        chkTime,
        ctx.now.getTime(),
      );
    if (result === 'pass') setRxStatus(ctx.db, hiRxno, 'reviewed', ctx.now);
    return { output: { data: { rx_chk_biz_sn: sn, msg_code: '0', flag: 'True' } } };
  },
};
