import type { Money, SplitView } from '../../contract/types-settlement';
import { formatFen } from '../format/money';

function Amount({
  label,
  money,
  testId,
  strong,
}: {
  label: string;
  money: Money;
  testId: string;
  strong?: boolean;
}) {
  return (
    <div
      className={`split-amount${strong ? ' is-cash' : ''}`}
      data-testid={testId}
      data-fen={money.fen}
    >
      <span className="split-label">{label}</span>
      <span className="split-value">{formatFen(money.fen)}</span>
    </div>
  );
}

/** R-SETTLE: the center's split of the total into fund, personal account and cash. */
export function SplitSummary({ split }: { split: SplitView }) {
  return (
    <section className="split-summary" aria-label="结算分摊" data-testid="split-summary">
      <Amount label="费用总额" money={split.total} testId="split-total" />
      <Amount label="统筹基金支付" money={split.fund} testId="split-fund" />
      {split.zeroFundExplanation && (
        <p className="split-fund-why" data-testid="split-fund-why">
          {split.zeroFundExplanation}
        </p>
      )}
      <Amount label="个人账户支付" money={split.account} testId="split-account" />
      <Amount label="个人现金支付" money={split.cash} testId="split-cash" strong />
      {split.balanceAfter && (
        <p className="split-balance">结算后个人账户余额 {formatFen(split.balanceAfter.fen)}</p>
      )}
    </section>
  );
}
