import { SCAN_KIND_LABELS } from '../../domain/scan/classify';
import { scanDisplayText } from '../../domain/scan/scan-display';
import type { ScanSample } from '../../domain/scan/scan-sample';

const SUFFIX_LABELS = { Enter: '回车（Enter）', Tab: '制表（Tab）', none: '无后缀' } as const;

function parsedAs(sample: ScanSample): string {
  const c = sample.classification;
  const label = SCAN_KIND_LABELS[c.kind];
  if (c.kind === 'unknown' || c.kind === 'rejected') return `${label}：${c.message}`;
  if (c.kind === 'gs1' && c.parsed.kind === 'gs1') {
    const parts = [`GTIN ${c.parsed.gtin}`];
    if (c.parsed.serial) parts.push(`序列号 ${c.parsed.serial}`);
    if (c.parsed.batch) parts.push(`批号 ${c.parsed.batch}`);
    if (c.parsed.expiry) parts.push(`有效期 ${c.parsed.expiry}`);
    return `${label}（${parts.join('，')}）`;
  }
  if (c.kind === 'traceability' && c.parsed.kind === 'trace20') {
    return `${label}（产品标识 ${c.parsed.productId}，序列号 ${c.parsed.serial}）`;
  }
  return label;
}

/** A credential (e-voucher, prescription QR) is masked here too; other codes show every character. */
function shownText(sample: ScanSample): string {
  const c = sample.classification;
  return c.kind === 'evoucher' || c.kind === 'rx-qr'
    ? scanDisplayText(c.kind, c.text)
    : sample.visible;
}

/** What the last scan delivered: characters (controls visible), timing, suffix, parse result. */
export function SampleReport({ sample, captured }: { sample: ScanSample; captured: boolean }) {
  const ok = sample.classification.kind !== 'unknown' && sample.classification.kind !== 'rejected';
  return (
    <dl
      className="facts scan-report"
      data-testid="scan-report"
      data-kind={sample.classification.kind}
    >
      <div className="fact break">
        <dt>收到的字符（{sample.keyCount} 键）</dt>
        <dd className="mono scan-report-text" data-testid="scan-report-text">
          {shownText(sample) || '（无可见字符）'}
        </dd>
      </div>
      <div className="fact">
        <dt>按键间隔</dt>
        <dd data-testid="scan-report-gaps">
          {sample.gaps
            ? `最短 ${sample.gaps.min} ms · 平均 ${sample.gaps.avg} ms · 最长 ${sample.gaps.max} ms`
            : '—'}
        </dd>
      </div>
      <div className="fact">
        <dt>后缀</dt>
        <dd data-testid="scan-report-suffix" data-suffix={sample.suffix}>
          {SUFFIX_LABELS[sample.suffix]}
          {sample.suffix === 'none' && <span className="bad-text">：请把扫码枪后缀设为回车</span>}
        </dd>
      </div>
      <div className="fact">
        <dt>输入法 / 大写锁定</dt>
        <dd>
          {sample.imeKeys > 0 ? `输入法接管 ${sample.imeKeys} 键（已按物理键还原）` : '未经输入法'}
          {' · '}
          {sample.capsLock ? '大写锁定开（不影响识别）' : '大写锁定关'}
        </dd>
      </div>
      <div className="fact break">
        <dt>识别为</dt>
        <dd className={ok ? 'ok-text' : 'bad-text'} data-testid="scan-report-parsed">
          {parsedAs(sample)}
        </dd>
      </div>
      <div className="fact break">
        <dt>柜台扫码识别</dt>
        <dd className={captured ? 'ok-text' : 'bad-text'} data-testid="scan-report-captured">
          {captured
            ? '✓ 已作为扫码识别（不会写入输入框）'
            : '✗ 未被识别为扫码：按键过慢或过短，请调大“按键最大间隔”或检查后缀'}
        </dd>
      </div>
    </dl>
  );
}
