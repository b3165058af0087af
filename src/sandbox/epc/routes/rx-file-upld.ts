import { dateTime } from '../../../center/clock';
import { pickSignedFields, SIGNED_FIELDS } from '../../../center/rx/rx-file';
import { RX_STATUS } from '../../../center/rx/rx-status';
import { Refusal } from '../../refusal';
import { signedFieldsOf } from '../../rx/rx-store';
import { EPC_CODES } from '../codes';
import type { EpcRoute } from '../context';
import { FieldReader } from '../fields';
import { ownRx } from '../own-rx';

/**
 * rxFileUpld 上传 (research §2.1): the 20 signed fields, the signed file and the signature from
 * rxFixmedinsSign. The prescription becomes 有效 and its upload time is recorded (R-VALID).
 * Sending the same upload again answers the same result.
 */
export const rxFileUpld: EpcRoute = (ctx) => {
  const f = new FieldReader();
  const hiRxno = f.required(ctx.data, 'hiRxno', '医保处方编号');
  const fixmedinsCode = f.required(ctx.data, 'fixmedinsCode', '定点医疗机构编号');
  const rxFile = f.required(ctx.data, 'rxFile', '处方版式文件');
  const signDigest = f.required(ctx.data, 'signDigest', '签名值');
  f.done();
  const row = ownRx(ctx, fixmedinsCode, hiRxno);
  if (!row.sign_digest || !row.rx_file) {
    throw new Refusal('处方尚未完成医保电子签名（rxFixmedinsSign），不能上传', EPC_CODES.conflict);
  }
  const answer = (upldTime: number) => ({
    rxTraceCode: row.rx_trace_code,
    hiRxno,
    rxStasCodg: RX_STATUS.valid.codg,
    rxStasName: RX_STATUS.valid.name,
    xUpldTime: dateTime(new Date(upldTime)),
  });
  if (signDigest !== row.sign_digest) {
    throw new Refusal('签名值（signDigest）与医保电子签名结果不一致', EPC_CODES.validation);
  }
  if (rxFile !== row.rx_file.toString('base64')) {
    throw new Refusal('处方版式文件（rxFile）与签名时的文件不一致', EPC_CODES.validation);
  }
  const given = pickSignedFields(ctx.data);
  const signed = signedFieldsOf(row);
  const differing = SIGNED_FIELDS.filter((k) => given[k] !== signed[k]);
  if (differing.length > 0) {
    throw new Refusal(`上传字段与签名原始值不一致：${differing.join('、')}`, EPC_CODES.validation);
  }
  if (row.rx_stas_codg === RX_STATUS.valid.codg && row.upld_time !== null) {
    return answer(row.upld_time);
  }
  if (row.rx_stas_codg !== RX_STATUS.prechecked.codg) {
    throw new Refusal(`处方当前状态不能上传：${row.rx_stas_codg}`, EPC_CODES.conflict);
  }
  ctx.db
    .prepare(
      'UPDATE epc_prescriptions SET rx_stas_codg = ?, upld_time = ?, updated_at = ? WHERE hi_rxno = ?',
    )
    .run(RX_STATUS.valid.codg, ctx.now.getTime(), ctx.now.getTime(), hiRxno);
  return answer(ctx.now.getTime());
};
