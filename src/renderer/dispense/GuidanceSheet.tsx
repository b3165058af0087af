import { Button, Spin } from 'antd';
import { ErrorAlert } from '../components/ErrorAlert';
import { useDispenseStore } from './dispense-store';
import { printGuidance } from './print-guidance';

/** R-GUIDE: the medication guidance per line, on screen and as the printed sheet. */
export function GuidanceSheet() {
  const guidance = useDispenseStore((s) => s.guidance);
  const error = useDispenseStore((s) => s.guidanceError);
  if (error) {
    return <ErrorAlert error={error} testId="guidance-error" lead="用药指导读取失败：" />;
  }
  if (!guidance) {
    return (
      <div className="loading">
        <Spin /> 正在生成用药指导…
      </div>
    );
  }
  return (
    <section className="rx-pane guidance-sheet" data-testid="guidance" data-rule={guidance.ruleId}>
      <header className="guidance-head">
        <h3 className="pane-title">用药指导</h3>
        <Button
          type="primary"
          size="large"
          className="no-print"
          data-testid="guidance-print"
          onClick={printGuidance}
        >
          打印用药指导 <kbd>Shift+F7</kbd>
        </Button>
      </header>
      <p className="guidance-rx mono">处方 {guidance.hiRxno}</p>
      <ol className="guidance-lines">
        {guidance.lines.map((l) => (
          <li key={l.lineNo} data-testid="guidance-line">
            <div className="drug-name">
              {l.genname} <span className="drug-meta">{l.spec}</span>
            </div>
            <div className="guidance-usage">{l.usage}</div>
            {l.contraindications.length > 0 && (
              <div className="guidance-warning" data-testid="guidance-contraindications">
                <strong>禁忌：</strong>
                {l.contraindications.join('；')}
              </div>
            )}
            {l.cautions.length > 0 && (
              <div className="guidance-caution">
                <strong>注意事项：</strong>
                {l.cautions.join('；')}
              </div>
            )}
            {l.instruction && (
              <div className="guidance-warning" data-testid="guidance-instruction">
                <strong>医嘱说明：</strong>
                {l.instruction}
              </div>
            )}
            {l.notes.length > 0 && (
              <ul className="guidance-notes">
                {l.notes.map((n) => (
                  <li key={n}>{n}</li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
      <pre className="guidance-printable print-only">{guidance.printable}</pre>
    </section>
  );
}
