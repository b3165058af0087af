import { RX_STATUS } from '../../../center/rx/rx-status';
import { Refusal } from '../../refusal';
import { effectiveStatus, USED_STATUSES } from '../../rx/rx-store';
import { EPC_CODES } from '../codes';
import type { EpcRoute } from '../context';
import { FieldReader } from '../fields';
import { ownRx } from '../own-rx';

/**
 * rxUndo 撤销 (research §2.1): the hospital revokes a prescription that has not been used.
 * Once reviewed, settled or dispensed it is refused ("处方已使用"). Revoking twice answers 已撤销.
 */
export const rxUndo: EpcRoute = (ctx) => {
  const f = new FieldReader();
  const hiRxno = f.required(ctx.data, 'hiRxno', '医保处方编号');
  const fixmedinsCode = f.required(ctx.data, 'fixmedinsCode', '定点医疗机构编号');
  f.required(ctx.data, 'drCode', '撤销医师医保医师代码');
  f.required(ctx.data, 'undoDrName', '撤销医师姓名');
  f.required(ctx.data, 'undoRea', '撤销原因');
  f.done();
  const row = ownRx(ctx, fixmedinsCode, hiRxno);
  const revoked = RX_STATUS.revoked;
  const answer = { hiRxno, rxStasCodg: revoked.codg, rxStasName: revoked.name };
  if (row.rx_stas_codg === revoked.codg) return answer;
  if (USED_STATUSES.includes(row.rx_stas_codg)) {
    const used = effectiveStatus(row, ctx.now);
    throw new Refusal(`处方已使用（${used.name}），不能撤销`, EPC_CODES.conflict);
  }
  const info = Object.fromEntries(
    ['drCode', 'undoDrName', 'undoDrCertType', 'undoDrCertno', 'undoRea', 'undoTime'].map((k) => [
      k,
      f.text(ctx.data, k),
    ]),
  );
  ctx.db
    .prepare(
      `UPDATE epc_prescriptions SET rx_stas_codg = ?, undo_info = ?, undo_time = ?, updated_at = ?
       WHERE hi_rxno = ?`,
    )
    .run(revoked.codg, JSON.stringify(info), ctx.now.getTime(), ctx.now.getTime(), hiRxno);
  return answer;
};
