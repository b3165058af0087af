import { Button, Checkbox, Input, Radio } from 'antd';
import { useEffect, useState } from 'react';
import { PAPER_SIZES, type PaperSize } from '../../domain/desktop/print-settings';
import { ErrorAlert } from '../components/ErrorAlert';
import { useDesktopSettingsStore } from './desktop-settings-store';
import './printing.css';

const PAPER_LABELS: Record<PaperSize, string> = {
  '58mm': '58 毫米热敏纸',
  '80mm': '80 毫米热敏纸',
  A4: 'A4 纸',
};

/**
 * The desktop app's printer (chosen once; receipts, guidance and the audit slip print there
 * without a dialog) and its update server. Administrators only.
 */
export function PrintPanel() {
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    void useDesktopSettingsStore
      .getState()
      .load()
      .finally(() => setLoaded(true));
  }, []);
  // The fields start from what was read, once: a late answer never overwrites what was typed.
  if (!loaded) {
    return (
      <section className="print-panel" data-testid="print-panel">
        <h3 className="print-title">打印与软件更新</h3>
        <div className="hint">正在读取打印设置…</div>
      </section>
    );
  }
  return <PrintForm />;
}

function PrintForm() {
  const settings = useDesktopSettingsStore.getState().settings;
  const saved = useDesktopSettingsStore((s) => s.saved);
  const error = useDesktopSettingsStore((s) => s.error);
  const [printerName, setPrinterName] = useState(settings?.print.printerName ?? '');
  const [paper, setPaper] = useState<PaperSize>(settings?.print.paper ?? '80mm');
  const [kick, setKick] = useState(settings?.print.kickCashDrawer ?? false);
  const [feedUrl, setFeedUrl] = useState(settings?.update.feedUrl ?? '');

  const savePrint = () =>
    void useDesktopSettingsStore.getState().savePrint({
      printerName: printerName.trim() || null,
      paper,
      kickCashDrawer: kick,
    });
  const saveFeed = () =>
    void useDesktopSettingsStore.getState().saveUpdateFeed(feedUrl.trim() || null);

  return (
    <section className="print-panel" data-testid="print-panel">
      <h3 className="print-title">打印与软件更新</h3>
      <div className="print-row">
        <label className="print-label" htmlFor="print-printer">
          小票打印机
        </label>
        <Input
          id="print-printer"
          data-testid="print-printer"
          value={printerName}
          placeholder="留空则使用系统默认打印机"
          onChange={(e) => setPrinterName(e.target.value)}
          onPressEnter={savePrint}
        />
      </div>
      <div className="print-row">
        <span className="print-label">纸张</span>
        <Radio.Group
          data-testid="print-paper"
          value={paper}
          onChange={(e) => setPaper(e.target.value as PaperSize)}
          options={PAPER_SIZES.map((p) => ({ value: p, label: PAPER_LABELS[p] }))}
        />
      </div>
      <div className="print-row">
        <span className="print-label" />
        <Checkbox
          data-testid="print-kick"
          checked={kick}
          onChange={(e) => setKick(e.target.checked)}
        >
          打印小票后打开钱箱
        </Checkbox>
        <Button data-testid="print-save" onClick={savePrint}>
          保存打印设置
        </Button>
      </div>
      <div className="print-row">
        <label className="print-label" htmlFor="update-feed">
          更新服务器
        </label>
        <Input
          id="update-feed"
          data-testid="update-feed"
          value={feedUrl}
          placeholder="https://（药店或连锁自己的更新服务器）"
          onChange={(e) => setFeedUrl(e.target.value)}
          onPressEnter={saveFeed}
        />
        <Button data-testid="update-feed-save" onClick={saveFeed}>
          保存
        </Button>
      </div>
      {saved && (
        <div className="print-saved" data-testid="print-saved">
          {saved === 'print' ? '打印设置已保存' : '更新服务器已保存'}
        </div>
      )}
      <div className="hint">
        桌面程序按此设置直接打印小票、用药指导和审计凭条，不弹出对话框；浏览器模式仍显示打印对话框。
        更新每天检查一次，后台下载，在药师离岗时或管理员要求时安装，结算进行中不安装。
      </div>
      {error && <ErrorAlert error={error} testId="print-error" />}
    </section>
  );
}
