import { Refusal } from '../../refusal';
import { type Feedback, recordFeedback } from '../../supervision/records';
import { type FsiTransaction, field, inputData, requireField } from '../context';

type Node = Record<string, unknown>;

function feedbackOf(w: Node): Feedback {
  const dspoWay = requireField(w, 'dspo_way', '处理方式');
  if (dspoWay !== '1' && dspoWay !== '2') throw new Refusal('处理方式（dspo_way）应为 1 或 2');
  return {
    jrId: requireField(w, 'jr_id', '监管结果标识'),
    dspoWay,
    reason: requireField(w, 'dspo_way_rea', '处理原因'),
  };
}

/**
 * 3103 事前事中服务反馈服务: how the pharmacy handled each finding it was given (继续 / 取消, with
 * the reason), recorded once per finding. Fields as docs/decisions.md D41 assumes them.
 */
export const supervisionFeedback3103: FsiTransaction = {
  name: '事前事中服务反馈服务',
  requiresSignIn: true,
  run(ctx) {
    const data = inputData(ctx);
    requireField(data, 'trig_scen', '触发场景');
    const warns = Array.isArray(data.warns)
      ? data.warns.filter((w): w is Node => typeof w === 'object' && w !== null)
      : [];
    if (warns.length === 0) throw new Refusal('反馈明细（warns）不能为空');
    const feedbacks = warns.map(feedbackOf);
    recordFeedback(
      ctx.db,
      {
        msgid: ctx.request.msgid,
        fixmedinsCode: ctx.request.fixmedins_code,
        opter: field(ctx.request as unknown as Node, 'opter_name'),
        now: ctx.now,
      },
      feedbacks,
    );
    return { output: { fdbk_cnt: feedbacks.length } };
  },
};
