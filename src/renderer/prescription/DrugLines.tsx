import { Tag } from 'antd';
import type { RxDrugLineView } from '../../contract/types';

function tagColor(tag: string): string {
  if (tag.includes('双通道')) return 'geekblue';
  if (/不纳入|禁止|排除|麻醉|精神|放射|毒性|兴奋剂|制剂|疫苗/.test(tag)) return 'red';
  return 'default';
}

function LineTags({ line }: { line: RxDrugLineView }) {
  const tags =
    line.dualChannel && !line.tags.some((t) => t.includes('双通道'))
      ? ['双通道', ...line.tags]
      : line.tags;
  return (
    <span className="drug-tags">
      {tags.map((t) => (
        <Tag key={t} color={tagColor(t)} className="status-tag" data-testid="drug-tag">
          {t}
        </Tag>
      ))}
    </span>
  );
}

export function DrugLines({ lines }: { lines: RxDrugLineView[] }) {
  return (
    <table className="drug-table" data-testid="drug-lines">
      <thead>
        <tr>
          <th>药品</th>
          <th className="num">数量</th>
          <th>用法用量</th>
        </tr>
      </thead>
      <tbody>
        {lines.map((l, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a drug may be prescribed twice; the lines never reorder
          <tr key={`${l.medListCodg}-${i}`} data-testid="drug-line" data-code={l.medListCodg}>
            <td>
              <div className="drug-name">{l.genname}</div>
              <div className="drug-meta">
                {[l.spec, l.dosform].filter(Boolean).join(' · ')}
                <span className="mono drug-code">{l.medListCodg}</span>
              </div>
              <LineTags line={l} />
            </td>
            <td className="num drug-qty">
              {l.quantity}
              {l.unit}
            </td>
            <td>
              {l.usage}
              {l.days !== null && <div className="drug-meta">{l.days} 天</div>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
