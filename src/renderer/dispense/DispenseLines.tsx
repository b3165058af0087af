import { Progress, Tag } from 'antd';
import type { DispenseLineView } from '../../contract/types-dispense';
import { LineCodes } from './LineCodes';

function LineRow({ line, editable }: { line: DispenseLineView; editable: boolean }) {
  const percent = line.packsPrescribed > 0 ? (line.packsScanned / line.packsPrescribed) * 100 : 0;
  return (
    <tr
      data-testid="dispense-line"
      data-code={line.medListCodg}
      data-scanned={line.packsScanned}
      data-packs={line.packsPrescribed}
      data-complete={line.complete}
      className={line.complete ? 'row-ok' : undefined}
    >
      <td>
        <div className="drug-name">{line.genname}</div>
        <div className="drug-meta">
          {line.spec} <span className="mono drug-code">{line.medListCodg}</span>
        </div>
        {line.splitPack && (
          <Tag color="orange" className="status-tag" data-testid="split-pack">
            拆零{line.unitsPerPack ? ` · 每${line.packUnit}${line.unitsPerPack}` : ''}
          </Tag>
        )}
        <LineCodes codes={line.codes} editable={editable} packUnit={line.packUnit} />
      </td>
      <td className="num drug-qty">
        {line.quantityPrescribed}
        {line.quantityUnit}
        {line.splitPack && (
          <div className="drug-meta">
            最多拆 {line.packsPrescribed} {line.packUnit}
          </div>
        )}
      </td>
      <td className="scan-progress">
        <span className="scan-count" data-testid="scan-count">
          {line.packsScanned}/{line.packsPrescribed}
        </span>
        <Progress
          percent={percent}
          showInfo={false}
          status={line.complete ? 'success' : 'active'}
          size="small"
        />
      </td>
      <td className={`num${line.stockAvailable < line.packsPrescribed ? ' bad-text' : ''}`}>
        {line.stockAvailable}
        {line.packUnit}
      </td>
      <td>{line.complete ? <span className="ok-text">✓ 已扫齐</span> : <span>待扫码</span>}</td>
    </tr>
  );
}

/** Drug, packs prescribed, scanned n/m, split-pack flag and stock, per prescription line. */
export function DispenseLines({
  lines,
  editable,
}: {
  lines: DispenseLineView[];
  editable: boolean;
}) {
  return (
    <table className="drug-table dispense-table" data-testid="dispense-lines">
      <thead>
        <tr>
          <th>药品</th>
          <th className="num">处方数量</th>
          <th>已扫码</th>
          <th className="num">库存</th>
          <th>状态</th>
        </tr>
      </thead>
      <tbody>
        {lines.map((l) => (
          <LineRow key={l.lineNo} line={l} editable={editable} />
        ))}
      </tbody>
    </table>
  );
}
