import { SCAN_KIND_LABELS } from '../../domain/scan/classify';
import { scanDisplayText } from '../../domain/scan/scan-display';
import { useScanStore } from '../stores/scan-store';

/** Small diagnostic line: what the scanner capture saw last, credentials masked (scan-display). */
export function LastScan() {
  const scan = useScanStore((s) => s.lastScan);
  if (!scan) {
    return (
      <div className="last-scan" data-testid="last-scan" data-kind="">
        最近扫码：无
      </div>
    );
  }
  return (
    <div
      className="last-scan"
      data-testid="last-scan"
      data-kind={scan.kind}
      data-key-count={scan.keyCount}
      data-duration-ms={scan.durationMs}
    >
      最近扫码：{SCAN_KIND_LABELS[scan.kind]} · {scan.keyCount}键 · {scan.durationMs}ms
      {scan.maxGapMs !== null ? ` · 最大间隔${scan.maxGapMs}ms` : ''} ·{' '}
      <span className="last-scan-text">{scanDisplayText(scan.kind, scan.text)}</span>
    </div>
  );
}
