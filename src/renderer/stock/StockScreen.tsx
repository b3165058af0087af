import { Alert, Button } from 'antd';
import { useEffect } from 'react';
import { ErrorAlert } from '../components/ErrorAlert';
import { isOpen, useNavigation } from '../navigation/navigation-store';
import { BatchTable } from './BatchTable';
import { ChangeForm } from './ChangeForm';
import { ReceiveForm } from './ReceiveForm';
import { StoreStockTable } from './StoreStockTable';
import { SupplierPanel } from './SupplierPanel';
import { type StockView, useStockStore } from './stock-store';
import './stock.css';
import { UploadList } from './UploadList';

const VIEWS: ReadonlyArray<{ id: StockView; label: string }> = [
  { id: 'counter', label: '本柜台库存' },
  { id: 'store', label: '全店库存' },
];

/** A counter of a store: its own batches or the store's (Tab to a button, Enter switches). */
function StockViewTabs() {
  const view = useStockStore((s) => s.view);
  return (
    <div role="tablist" aria-label="库存范围" className="work-area-row">
      {VIEWS.map((v) => (
        <Button
          key={v.id}
          role="tab"
          aria-selected={v.id === view}
          data-testid={`stock-view-${v.id}`}
          type={v.id === view ? 'primary' : 'default'}
          onClick={() => useStockStore.getState().setView(v.id)}
        >
          {v.label}
        </Button>
      ))}
    </div>
  );
}

/** A single counter shows its own batches exactly as before; a counter of a store may switch. */
function Batches() {
  const storeMode = useStockStore((s) => s.storeMode);
  const view = useStockStore((s) => s.view);
  if (!storeMode) return <BatchTable />;
  return (
    <>
      <StockViewTabs />
      {view === 'store' ? <StoreStockTable /> : <BatchTable />}
    </>
  );
}

function Messages() {
  const error = useStockStore((s) => s.error);
  const notice = useStockStore((s) => s.notice);
  if (error) return <ErrorAlert error={error} testId="stock-error" />;
  return notice ? (
    <Alert type="success" showIcon data-testid="stock-notice" title={notice} />
  ) : null;
}

/** 库存 (Alt+C): batches with near-expiry warnings, 进货/退货/报损/报溢/盘存, suppliers and the uploads. */
export function StockScreen() {
  const open = useNavigation((s) => isOpen(s, 'stock'));
  const busy = useStockStore((s) => s.busy);
  useEffect(() => {
    if (open) void useStockStore.getState().refresh();
  }, [open]);
  if (!open) return null;
  return (
    <main className="work-area-screen stock-screen" data-testid="stock-screen">
      <header className="work-area-row">
        <h2>库存管理与进销存上传</h2>
        <span>
          Alt+J 进货 · Alt+T 退货/报损/报溢 · Alt+A 供应商 · Alt+U 盘存上传 · Alt+R 刷新 · Esc /
          Alt+C 关闭
        </span>
        <Button
          data-testid="stock-stocktake"
          loading={busy}
          onClick={() => void useStockStore.getState().stocktake()}
        >
          盘存上传（Alt+U）
        </Button>
        <Button onClick={() => useNavigation.getState().close('stock')}>关闭</Button>
      </header>
      <Messages />
      <Batches />
      <div className="work-area-columns">
        <ReceiveForm />
        <ChangeForm />
      </div>
      <SupplierPanel />
      <UploadList />
    </main>
  );
}
