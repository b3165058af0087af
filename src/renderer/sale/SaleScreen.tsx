import { Alert } from 'antd';
import { ErrorAlert } from '../components/ErrorAlert';
import { Basket } from './Basket';
import { GoodsList } from './GoodsList';
import { SaleResult } from './SaleResult';
import { useSaleStore } from './sale-store';

function SaleMessage() {
  const error = useSaleStore((s) => s.error);
  const notice = useSaleStore((s) => s.notice);
  if (error) {
    return <ErrorAlert error={error} testId="sale-error" />;
  }
  if (!notice) return null;
  return (
    <div data-testid="sale-notice" role="status">
      <Alert type="info" showIcon className="message-banner" title={notice} />
    </div>
  );
}

/** Non-prescription goods for cash: pick, scan each pack, take the money; works offline. */
export function SaleScreen() {
  const sold = useSaleStore((s) => s.sold);
  return (
    <main className="prescription sale" data-testid="sale-screen" data-sold={sold !== null}>
      <header className="rx-header">
        <h2 className="section-title">自费零售（非处方商品）</h2>
        <span className="hint">不经医保结算，断网时也可收款，出库信息（3505）联网后自动上传</span>
      </header>
      <SaleMessage />
      {sold ? (
        <SaleResult sale={sold} />
      ) : (
        <div className="rx-columns">
          <section className="rx-pane" aria-label="可售商品">
            <h3 className="pane-title">选择商品（↑↓ 选择，Enter 加入）</h3>
            <GoodsList />
          </section>
          <Basket />
        </div>
      )}
    </main>
  );
}
