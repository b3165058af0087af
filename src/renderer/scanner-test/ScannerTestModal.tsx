import { Modal } from 'antd';
import { useEffect, useRef } from 'react';
import { type LastScan, useScanStore } from '../stores/scan-store';
import { useUiStore } from '../stores/ui-store';
import { SampleBarcode } from './SampleBarcode';
import { SampleReport } from './SampleReport';
import { ScannerThresholds } from './ScannerThresholds';
import { SerialScannerPanel } from './SerialScannerPanel';
import { useRawScanSamples } from './use-raw-scan-samples';

/** 阿莫西林胶囊's GTIN in config/catalog/drugs.json: a real drug barcode, harmless on this page. */
const SAMPLE = { code: '6901500011739', label: '商品条码示例（阿莫西林胶囊）' };

/** F11: 扫描枪测试 — what a scan delivers, the capture thresholds, and serial scanners. */
export function ScannerTestModal() {
  const open = useUiStore((s) => s.overlay === 'scanner');
  const sample = useRawScanSamples(open);
  const lastScan = useScanStore((s) => s.lastScan);
  const openedWith = useRef<LastScan | null>(null);
  // The page itself takes the focus: a scan's trailing Enter must not press the × button.
  const body = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (open) openedWith.current = useScanStore.getState().lastScan;
  }, [open]);
  const captured =
    sample !== null &&
    lastScan !== null &&
    lastScan !== openedWith.current &&
    lastScan.text === sample.text;
  return (
    <Modal
      open={open}
      onCancel={() => useUiStore.getState().setOverlay(null)}
      footer={null}
      title="扫描枪测试（F11）"
      width={900}
      destroyOnHidden
      afterOpenChange={(opened) => opened && body.current?.focus()}
    >
      <div
        className="overlay-body scanner-test"
        data-testid="scanner-test"
        ref={body}
        tabIndex={-1}
      >
        <p className="hint">
          请用扫码枪扫描下方示例条码或任意药盒上的条码。本页只显示结果，不会查询患者或登记药品。
        </p>
        <SampleBarcode code={SAMPLE.code} label={SAMPLE.label} />
        {sample ? (
          <SampleReport sample={sample} captured={captured} />
        ) : (
          <div className="scan-report-empty" data-testid="scan-report-empty">
            等待扫码…
          </div>
        )}
        <h3 className="pane-subtitle">识别参数</h3>
        <ScannerThresholds sample={sample} />
        <p className="hint">
          GS1 码的分隔符 GS：请把扫码枪设为以 Ctrl+] 发送（键盘模式默认），或 Alt+029，或文字
          &lt;GS&gt;。
        </p>
        <h3 className="pane-subtitle">串口（COM）扫码枪</h3>
        <SerialScannerPanel />
      </div>
    </Modal>
  );
}
