import { Button } from 'antd';
import { useEffect } from 'react';
import { isOpen, useNavigation } from '../navigation/navigation-store';
import { CaptureForm } from './CaptureForm';
import { PaperExport } from './PaperExport';
import { PaperSearch } from './PaperSearch';
import { usePaperStore } from './paper-store';
import { StoreIndexPanel } from './StoreIndexPanel';
import { useStoreIndexStore } from './store-index-store';
import './paper.css';

/** 纸质处方 (Alt+P): capture with checks, the 2-year archive, search and export. */
export function PaperScreen() {
  const open = useNavigation((s) => isOpen(s, 'paper'));
  const storeIndex = useStoreIndexStore((s) => s.open);
  useEffect(() => {
    if (!open) return;
    const store = usePaperStore.getState();
    void store.loadDrugs();
    if (!store.results) void store.search(store.query);
  }, [open]);
  if (!open) return null;
  return (
    <main className="work-area-screen paper-screen" data-testid="paper-screen">
      <header className="paper-header work-area-row">
        <h2>纸质外配处方登记与归档</h2>
        <span className="paper-hint">
          Alt+O 文件 · Alt+G 扫描仪 · Alt+M 拍照 · Alt+K 核验 · Alt+S 保存归档 · Alt+F 查询 ·
          Alt+Shift+F 全店索引 · Esc / Alt+P 关闭
        </span>
        <Button
          data-testid="store-index-toggle"
          type={storeIndex ? 'primary' : 'default'}
          onClick={() => useStoreIndexStore.getState().toggle()}
        >
          {storeIndex ? '本柜台归档' : '全店索引'}
        </Button>
        <Button onClick={() => useNavigation.getState().close('paper')}>关闭</Button>
      </header>
      <CaptureForm />
      {storeIndex ? <StoreIndexPanel /> : <PaperSearch />}
      <PaperExport />
    </main>
  );
}
