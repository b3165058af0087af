import { Button } from 'antd';
import { formatFen } from '../format/money';
import { type BasketLine, useSaleStore } from './sale-store';

/** What a line costs at the catalog's retail price (the backend prices the sale the same way). */
const lineFen = (l: BasketLine) => (l.item.priceFen ?? 0) * l.codes.length;

function Line({ line, active }: { line: BasketLine; active: boolean }) {
  const { item, codes } = line;
  const store = useSaleStore.getState();
  return (
    <li
      className={`basket-line${active ? ' is-active' : ''}`}
      data-testid="basket-line"
      data-code={item.medListCodg}
      data-packs={codes.length}
      data-active={active}
    >
      <div className="basket-line-head">
        <button
          type="button"
          className="basket-line-name"
          onClick={() => store.activate(item.medListCodg)}
          aria-pressed={active}
        >
          {item.genname} <span className="drug-meta">{item.spec}</span>
        </button>
        <span className="scan-count">
          {codes.length}
          {item.packUnit}
        </span>
        <span
          className="basket-line-price"
          data-testid="basket-line-price"
          data-fen={lineFen(line)}
        >
          {item.priceFen === null
            ? '无零售价'
            : `${formatFen(item.priceFen)} × ${codes.length} = ${formatFen(lineFen(line))}`}
        </span>
        <Button size="small" onClick={() => store.removeLine(item.medListCodg)}>
          移除
        </Button>
      </div>
      {active && codes.length === 0 && <p className="hint">扫描每盒的药品追溯码</p>}
      <ol className="line-codes">
        {codes.map((c) => (
          <li key={c} data-testid="basket-code" data-code={c}>
            <span className="mono">{c}</span>
            <Button
              size="small"
              type="link"
              aria-label={`移除追溯码 ${c}`}
              onClick={() => store.removeCode(item.medListCodg, c)}
            >
              移除
            </Button>
          </li>
        ))}
      </ol>
    </li>
  );
}

/** What the customer buys: one row per kind of goods, one code per pack. */
export function Basket() {
  const basket = useSaleStore((s) => s.basket);
  const active = useSaleStore((s) => s.active);
  const selling = useSaleStore((s) => s.selling);
  const packs = basket.reduce((n, l) => n + l.codes.length, 0);
  const total = basket.reduce((n, l) => n + lineFen(l), 0);
  return (
    <section className="rx-pane basket" aria-label="购物清单" data-testid="basket">
      <h3 className="pane-title">
        购物清单 <span className="section-count">共 {packs} 盒</span>
      </h3>
      {basket.length === 0 && <p className="hint">在左侧选择商品后逐盒扫码</p>}
      <ul className="basket-lines">
        {basket.map((l) => (
          <Line key={l.item.medListCodg} line={l} active={l.item.medListCodg === active} />
        ))}
      </ul>
      <p className="basket-total" data-testid="basket-total" data-fen={total}>
        应收合计 <strong>{formatFen(total)}</strong>
      </p>
      <p className="hint">金额按本店零售价计算，确认收款后打印小票。</p>
      <Button
        type="primary"
        size="large"
        disabled={packs === 0}
        loading={selling}
        data-testid="sale-confirm"
        onClick={() => void useSaleStore.getState().sell()}
      >
        确认收款 <kbd>F5</kbd>
      </Button>
    </section>
  );
}
