import type { PrescriptionView } from '../../api/types';
import { maskIdNumber } from '../../domain/mask';

/** A full ID number read from the file is masked here too: the PDF beside it is the place to read it. */
const ID_NUMBER = /^\d{17}[\dXx]$/;
const shown = (v: string) => (ID_NUMBER.test(v) ? maskIdNumber(v) : v);

/** R-LAYOUT: every compared field, structured value against the layout file, ✓ or ✗. */
export function LayoutComparisonTable({ layout }: { layout: PrescriptionView['layout'] }) {
  return (
    <section
      className="rx-pane"
      aria-label="版式文件核对"
      data-testid="layout-compare"
      data-all-equal={layout.allEqual}
    >
      <h3 className="pane-title">
        版式核对（R-LAYOUT）
        <span className={layout.allEqual ? 'ok-text' : 'bad-text'}>
          {layout.allEqual ? '全部一致' : '存在不一致，不得结算'}
        </span>
      </h3>
      {layout.readError && (
        <div className="layout-error" role="alert" data-testid="layout-read-error">
          版式文件读取失败：{layout.readError}
        </div>
      )}
      <table className="compare-table">
        <thead>
          <tr>
            <th>核对项</th>
            <th>结构化数据</th>
            <th>版式文件</th>
            <th>结果</th>
          </tr>
        </thead>
        <tbody>
          {layout.fields.map((f) => (
            <tr
              key={f.label}
              data-testid="layout-row"
              data-equal={f.equal}
              className={f.equal ? 'row-ok' : 'row-bad'}
            >
              <td className="compare-label">{f.label}</td>
              <td>{shown(f.structured)}</td>
              <td>
                {f.inFile === null ? (
                  <em className="missing">（文件中无此项）</em>
                ) : (
                  shown(f.inFile)
                )}
              </td>
              <td className={f.equal ? 'ok-text' : 'bad-text'} data-testid="layout-result">
                {f.equal ? '✓ 一致' : '✗ 不一致'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
