import type { LayoutOutcome, PrescriptionView } from '../../contract/types';
import { maskLayoutText } from '../../domain/layout/mask-personal';

/** Any ID or mobile number left in a cell is masked too, by the drawn file's own function. */
const shown = (v: string) => maskLayoutText(v, []);

const RESULT: Record<LayoutOutcome, { text: string; className: string }> = {
  matches: { text: '✓ 一致', className: 'ok-text' },
  differs: { text: '✗ 不一致', className: 'bad-text' },
  unread: { text: '？ 未能读出', className: 'warn-text' },
};

const SUMMARY: Record<LayoutOutcome, string> = {
  matches: '全部一致',
  differs: '存在不一致，不得结算',
  unread: '部分内容未能读出，须药师对照版式文件确认',
};

/** R-LAYOUT: every compared field, structured value against the layout file: ✓, ✗ or ？. */
/** Personal data arrives masked (rx-layout-check.ts), as the drawn file beside it is masked. */
export function LayoutComparisonTable({ layout }: { layout: PrescriptionView['layout'] }) {
  return (
    <section
      className="rx-pane"
      aria-label="版式文件核对"
      data-testid="layout-compare"
      data-outcome={layout.outcome}
    >
      <h3 className="pane-title">
        版式核对
        <span className={RESULT[layout.outcome].className}>{SUMMARY[layout.outcome]}</span>
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
              key={f.key}
              data-testid="layout-row"
              data-outcome={f.outcome}
              className={
                f.outcome === 'matches'
                  ? 'row-ok'
                  : f.outcome === 'differs'
                    ? 'row-bad'
                    : 'row-warn'
              }
            >
              <td className="compare-label">{f.label}</td>
              <td>{shown(f.structured)}</td>
              <td>
                {f.inFile === null ? (
                  <em className="missing">（未能从文件读出，请看左侧版式文件）</em>
                ) : (
                  <>
                    {shown(f.inFile)}
                    {f.page !== null && f.page > 1 && <small>（第{f.page}页）</small>}
                  </>
                )}
              </td>
              <td className={RESULT[f.outcome].className} data-testid="layout-result">
                {RESULT[f.outcome].text}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
