import type { HistoryEntry } from '../../contract/types-dispense';

/** Earlier dispensings of the same drugs, with days of supply and whether it still lasts. */
export function HistoryTable({ entries }: { entries: HistoryEntry[] }) {
  if (entries.length === 0) {
    return (
      <p className="hint" data-testid="history-empty">
        近期没有这些药品的购药记录
      </p>
    );
  }
  return (
    <table className="drug-table history-table" data-testid="history-entries">
      <thead>
        <tr>
          <th>时间</th>
          <th>药品</th>
          <th className="num">数量</th>
          <th className="num">用药天数</th>
          <th>供药至</th>
          <th>来源</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((e) => (
          <tr
            key={`${e.source}-${e.dispensedAt}-${e.medListCodg}-${e.hiRxno ?? ''}`}
            data-testid="history-entry"
            data-still-supplied={e.stillSupplied}
            className={e.stillSupplied ? 'row-warn' : undefined}
          >
            <td className="mono">{e.dispensedAt}</td>
            <td>{e.genname}</td>
            <td className="num">
              {e.quantity}
              {e.unit}
            </td>
            <td className="num">{e.daysOfSupply ?? '—'}</td>
            <td>
              {e.supplyEnds ?? '—'}
              {e.stillSupplied && <span className="warn-text">（仍在用药期）</span>}
            </td>
            <td>{e.source === 'center' ? '医保中心' : '本店'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
