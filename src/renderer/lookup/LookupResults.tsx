import type { SettlementLookupRow } from '../../contract/types-settlement';
import { useLookupStore } from './lookup-store';

const yuan = (m: { yuan: string } | null) => m?.yuan ?? '—';

function Row({ r, selected }: { r: SettlementLookupRow; selected: boolean }) {
  return (
    <tr
      className={selected ? 'is-selected' : undefined}
      aria-selected={selected}
      data-testid="lookup-row"
      data-state={r.state}
      onClick={() =>
        useLookupStore.setState((s) => ({
          selected: s.rows.indexOf(r),
          receipt: null,
        }))
      }
    >
      <td>{r.at}</td>
      <td className="mono">{r.setlId ?? '—'}</td>
      <td>
        {r.patient.nameMasked} <span className="mono">{r.patient.certnoMasked}</span>
      </td>
      <td>{r.drugs}</td>
      <td className="num">{yuan(r.total)}</td>
      <td className="num">{yuan(r.fund)}</td>
      <td className="num">{yuan(r.account)}</td>
      <td className="num">{yuan(r.cash)}</td>
      <td data-testid="lookup-state">{r.stateLabel}</td>
    </tr>
  );
}

/** The settlements found, newest first; ↑↓ selects the one 退费 and 补打 act on. */
export function LookupResults() {
  const rows = useLookupStore((s) => s.rows);
  const selected = useLookupStore((s) => s.selected);
  const searched = useLookupStore((s) => s.searched);
  if (searched && rows.length === 0) {
    return <p data-testid="lookup-empty">没有找到符合条件的结算记录</p>;
  }
  if (rows.length === 0) return null;
  return (
    <table className="lookup-table" data-testid="lookup-results">
      <thead>
        <tr>
          <th>结算时间</th>
          <th>结算ID</th>
          <th>参保人</th>
          <th>药品</th>
          <th className="num">总额</th>
          <th className="num">统筹基金</th>
          <th className="num">个人账户</th>
          <th className="num">个人现金</th>
          <th>状态</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <Row key={r.settlementId ?? `sale-${r.selfPaySaleId}`} r={r} selected={i === selected} />
        ))}
      </tbody>
    </table>
  );
}
