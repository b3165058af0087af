import type { RefundView } from '../../contract/types-settlement';
import { formatFen } from '../format/money';

const part = (label: string, m: RefundView['fund']) => (m ? `${label} ${formatFen(m.fen)}` : null);

/** After 2103: what went back, and that the dispensing's stock and codes are restored. */
export function RefundSummary({ refund }: { refund: RefundView }) {
  const parts = [
    part('统筹', refund.fund),
    part('个人账户', refund.account),
    part('现金', refund.cash),
  ]
    .filter(Boolean)
    .join('，');
  return (
    <div className="refund-summary" data-testid="refund-summary" data-state={refund.state}>
      <p>
        退费原因：{refund.reason}
        {refund.refundedAt && ` · ${refund.refundedAt}`}
      </p>
      {parts && <p data-testid="refund-amounts">已退回：{parts}</p>}
      {refund.state === 'refunded' && (
        <p className="ok-text" data-testid="refund-restored">
          ✓ 库存与追溯码已恢复（本次调剂的药品可重新销售）
        </p>
      )}
    </div>
  );
}
