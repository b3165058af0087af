import { Spin } from 'antd';
import type { SettlementView, UnknownOutcomeView } from '../../contract/types-settlement';

const WHAT = { '2102': '结算', '2103': '退费' } as const;

function Attempt({ u }: { u: UnknownOutcomeView }) {
  return (
    <li data-testid="unknown-attempt" data-oinfno={u.oinfno} data-reversal={u.reversal.state}>
      {WHAT[u.oinfno]}（{u.oinfno}）于 {u.since} 结果未知：{u.reason}。冲正（2601）：
      {u.reversal.stateLabel}
      {u.result && `，${u.result.label}`}
    </li>
  );
}

/** An answer that never came: calm, explicit, and no second charge until the center has said. */
export function UnknownOutcome({ settlement }: { settlement: SettlementView }) {
  const refund = settlement.state === 'refund_unknown';
  return (
    <div className="settle-unknown" role="status" data-testid="settle-unknown">
      <p className="settle-unknown-title">
        <Spin /> {refund ? '退费' : '结算'}结果未知，正在向医保中心核实（冲正 2601）……请勿重复收费
      </p>
      <p className="settle-next">{settlement.nextStep}</p>
      <ul className="settle-attempts">
        {settlement.unknown.map((u) => (
          <Attempt key={u.omsgid} u={u} />
        ))}
      </ul>
    </div>
  );
}
