import { RX_CHK_STATUS, rxChkResultOf } from '../../../center/rx/fsi-7206';
import { effectiveStatus } from '../../rx/rx-store';
import type { EpcRoute } from '../context';
import { FieldReader } from '../fields';
import { ownRx } from '../own-rx';

interface ReviewRow {
  phar_name: string;
  phar_code: string;
  rx_chk_stas_codg: string;
  rx_chk_opnn: string;
  rx_chk_time: string;
}

/**
 * rxChkInfoQuery 审核结果查询: the latest review a pharmacy uploaded with 7206 (empty before
 * one) and the prescription's status.
 */
export const rxChkInfoQuery: EpcRoute = (ctx) => {
  const f = new FieldReader();
  const fixmedinsCode = f.required(ctx.data, 'fixmedinsCode', '定点医疗机构编号');
  const hiRxno = f.required(ctx.data, 'hiRxno', '医保处方编号');
  f.done();
  const row = ownRx(ctx, fixmedinsCode, hiRxno);
  const status = effectiveStatus(row, ctx.now);
  const review = ctx.db
    .prepare(
      `SELECT phar_name, phar_code, rx_chk_stas_codg, rx_chk_opnn, rx_chk_time FROM rx_reviews
       WHERE hi_rxno = ? ORDER BY created_at DESC, rowid DESC LIMIT 1`,
    )
    .get(hiRxno) as ReviewRow | undefined;
  const result = review ? rxChkResultOf(review.rx_chk_stas_codg) : null;
  return {
    hiRxno,
    pharName: review?.phar_name ?? '',
    pharCode: review?.phar_code ?? '',
    rxChkStasCodg: review?.rx_chk_stas_codg ?? '',
    rxChkStasName: result ? RX_CHK_STATUS[result].name : '',
    rxChkOpnn: review?.rx_chk_opnn ?? '',
    rxChkTime: review?.rx_chk_time ?? '',
    rxStasCodg: status.codg,
    rxStasName: status.name,
  };
};
