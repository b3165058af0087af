import { Refusal } from '../../refusal';
import { SETTLEMENT_CODES } from '../../settlement/codes';
import { releaseSold } from '../../settlement/trace-codes';
import { type FsiTransaction, inputData, requireField } from '../context';

/**
 * 3507 商品信息删除 (`data`: fixmedins_bchno, inv_data_type): marks every live record of that
 * batch and kind deleted; deleting 3505 sales releases their codes.
 */
export const invDelete3507: FsiTransaction = {
  name: '商品信息删除',
  requiresSignIn: true,
  run(ctx) {
    const data = inputData(ctx);
    const bchno = requireField(data, 'fixmedins_bchno', '定点医药机构批次流水号');
    const type = requireField(data, 'inv_data_type', '进销存数据类型');
    const infno = SETTLEMENT_CODES.invDataType[type];
    if (!infno) throw new Refusal('进销存数据类型（inv_data_type）应为 1–6');
    const rows = ctx.db
      .prepare(
        `SELECT id FROM inventory_uploads
         WHERE fixmedins_code = ? AND infno = ? AND fixmedins_bchno = ? AND deleted_at IS NULL`,
      )
      .all(ctx.request.fixmedins_code, infno, bchno) as { id: number }[];
    if (rows.length === 0) throw new Refusal(`未查询到批次流水号 ${bchno} 的 ${infno} 上传记录`);
    const mark = ctx.db.prepare(
      'UPDATE inventory_uploads SET deleted_at = ?, delete_msgid = ? WHERE id = ?',
    );
    for (const { id } of rows) {
      mark.run(ctx.now.getTime(), ctx.request.msgid, id);
      if (infno === '3505') releaseSold(ctx.db, '3505', String(id), ctx.now.getTime());
    }
    return { output: {} };
  },
};
