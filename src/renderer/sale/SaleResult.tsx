import { Button } from 'antd';
import type { SelfPaySaleView } from '../../contract/types-settlement';
import { formatFen } from '../format/money';
import { ReceiptPanel } from '../settle/ReceiptPanel';
import { UploadList } from '../settle/UploadList';
import { useSaleStore } from './sale-store';

/** A completed cash sale: lines, total, its queued 3505 and the receipt. */
export function SaleResult({ sale }: { sale: SelfPaySaleView }) {
  const refreshing = useSaleStore((s) => s.refreshingUploads);
  return (
    <section className="rx-pane sale-result" data-testid="sale-result" data-sale-id={sale.saleId}>
      <header className="settle-result-head is-ok">
        <h3 className="settle-result-title">收款成功（自费）</h3>
        <span className="sale-total" data-testid="sale-total" data-fen={sale.total.fen}>
          合计 {formatFen(sale.total.fen)}
        </span>
      </header>
      <table className="drug-table">
        <thead>
          <tr>
            <th>商品</th>
            <th className="num">数量</th>
            <th className="num">单价</th>
            <th className="num">金额</th>
          </tr>
        </thead>
        <tbody>
          {sale.lines.map((l) => (
            <tr key={l.medListCodg} data-testid="sale-line" data-code={l.medListCodg}>
              <td>{l.name}</td>
              <td className="num">{l.packs}</td>
              <td className="num">{formatFen(l.price.fen)}</td>
              <td className="num">{formatFen(l.total.fen)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="drug-meta">
        {sale.soldAt} · 收款人 {sale.staffName}
      </p>
      <UploadList
        uploads={sale.uploads}
        refreshing={refreshing}
        onRefresh={() => void useSaleStore.getState().refreshUploads()}
      />
      <ReceiptPanel of={{ saleId: sale.saleId }} version="sold" />
      <Button size="large" data-testid="sale-next" onClick={() => useSaleStore.getState().next()}>
        下一位顾客 <kbd>Alt+Z</kbd>
      </Button>
    </section>
  );
}
