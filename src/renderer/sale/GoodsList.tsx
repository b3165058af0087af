import { Spin } from 'antd';
import type { StockItemView } from '../../contract/types-dispense';
import { KeyList } from '../components/KeyList';
import { useSaleStore } from './sale-store';

/**
 * Goods on hand sellable without a prescription (OTC and non-drug goods, R-GSP-RX; the backend
 * refuses the rest anyway): ↑↓ choose, Enter puts them in the basket to take the next scans.
 */
export function GoodsList() {
  const goods = useSaleStore((s) => s.goods);
  const loading = useSaleStore((s) => s.loadingGoods);
  const selected = useSaleStore((s) => s.selected);
  const disabled = useSaleStore((s) => s.sold !== null);
  if (loading) {
    return (
      <div className="loading">
        <Spin /> 正在读取库存…
      </div>
    );
  }
  if (!goods || goods.length === 0) return <p className="hint">没有可售的非处方药或非药品库存</p>;
  return (
    <KeyList<StockItemView>
      items={goods}
      itemKey={(g) => g.medListCodg}
      renderItem={(g) => (
        <>
          <div className="row-main">
            <span className="row-title">{g.genname}</span>
            <span className="row-sub">{g.spec}</span>
            <span className="row-sub" data-testid="goods-rx-class">
              {g.rxClassName}
            </span>
          </div>
          <div className="row-facts">
            库存 {g.packsAvailable}
            {g.packUnit}
          </div>
        </>
      )}
      selected={selected}
      onSelect={(i) => useSaleStore.getState().select(i)}
      onActivate={(g) => {
        if (!disabled) useSaleStore.getState().pick(g);
      }}
      label="可售商品"
      idPrefix="goods-list"
      itemTestId="goods-option"
      itemData={(g) => ({ code: g.medListCodg })}
      autoFocus
    />
  );
}
