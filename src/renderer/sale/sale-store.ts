import { create } from 'zustand';
import type { StockItemView } from '../../contract/types-dispense';
import type { SelfPaySaleView } from '../../contract/types-settlement';
import type { AppErrorShape } from '../../domain/errors';
import { api, isUnauthenticated, toShape } from '../api';
import { beep } from '../feedback/beep';
import { useNavigation } from '../navigation/navigation-store';
import { useSessionStore } from '../stores/session-store';
import { useUiStore } from '../stores/ui-store';
import { goodsOfCode } from './goods-of-code';

/** One kind of goods in the basket; one scanned code per pack (R-TRACE). */
export interface BasketLine {
  item: StockItemView;
  codes: string[];
}

interface SaleState {
  goods: StockItemView[] | null;
  loadingGoods: boolean;
  /** Index into goods of the highlighted row of the list. */
  selected: number;
  basket: BasketLine[];
  /** The basket line scanned codes go to. */
  active: string | null;
  selling: boolean;
  sold: SelfPaySaleView | null;
  refreshingUploads: boolean;
  error: AppErrorShape | null;
  /** The goods shown as a short message after each scan. */
  notice: string | null;
  open(): Promise<void>;
  leave(): void;
  select(index: number): void;
  /** Enter on the list: the goods become (or join) the basket and take the next scans. */
  pick(item: StockItemView): void;
  activate(medListCodg: string): void;
  addCode(code: string): void;
  /** A product barcode (EAN-13) names goods but not a pack. */
  refuseProductCode(code: string): void;
  removeCode(medListCodg: string, code: string): void;
  removeLine(medListCodg: string): void;
  /** F5: sale.selfPay; no center call, so it works offline (3505 queued). */
  sell(): Promise<void>;
  refreshUploads(): Promise<void>;
  /** After a sale: an empty basket for the next customer. */
  next(): void;
}

function failure(err: unknown): AppErrorShape {
  const shape = toShape(err);
  if (isUnauthenticated(err)) useSessionStore.getState().expire(shape.message);
  else beep('error');
  return shape;
}

const FRESH = {
  basket: [] as BasketLine[],
  active: null,
  selling: false,
  sold: null,
  error: null,
  notice: null,
};

export const useSaleStore = create<SaleState>((set, get) => ({
  goods: null,
  loadingGoods: false,
  selected: 0,
  refreshingUploads: false,
  ...FRESH,

  async open() {
    set({ ...FRESH, loadingGoods: true, selected: 0 });
    useNavigation.getState().go('sale');
    try {
      const all = await api.call('stock.list', {});
      set({
        goods: all.filter((g) => g.packsAvailable > 0 && g.sellableWithoutPrescription),
        loadingGoods: false,
      });
    } catch (err) {
      set({ loadingGoods: false, error: failure(err) });
    }
  },

  leave() {
    set({ ...FRESH, goods: null });
    useNavigation.getState().go('counter');
    useUiStore.getState().requestFocus();
  },

  select(index) {
    const n = get().goods?.length ?? 0;
    if (n > 0) set({ selected: Math.min(n - 1, Math.max(0, index)) });
  },

  pick(item) {
    if (get().sold) return;
    const basket = get().basket;
    const exists = basket.some((l) => l.item.medListCodg === item.medListCodg);
    set({
      basket: exists ? basket : [...basket, { item, codes: [] }],
      active: item.medListCodg,
      error: null,
      notice: `请逐盒扫描「${item.genname}」包装上的药品追溯码`,
    });
  },

  activate(medListCodg) {
    set({ active: medListCodg });
  },

  addCode(code) {
    const { sold, goods } = get();
    if (sold) return;
    // a pack names its goods: scanning it adds them, whatever line was being scanned
    const named = goodsOfCode(goods ?? [], code, new Date());
    if (named === 'none') {
      beep('refused');
      set({
        error: {
          code: 'POLICY',
          message: `追溯码 ${code} 的商品不在可自费销售的非处方商品中：处方药须凭处方调剂，不能在此销售`,
          ruleId: 'R-GSP-RX',
        },
      });
      return;
    }
    if (named !== 'unnamed') get().pick(named.found);
    const { basket, active } = get();
    const line = basket.find((l) => l.item.medListCodg === active);
    if (!line) {
      beep('error');
      set({
        error: {
          code: 'VALIDATION',
          message: '请先在左侧列表中选择商品（↑↓ 选择，Enter 加入），再逐盒扫码',
        },
      });
      return;
    }
    if (basket.some((l) => l.codes.includes(code))) {
      beep('refused');
      set({
        error: {
          code: 'VALIDATION',
          message: `追溯码 ${code} 已扫过，一盒一码`,
          ruleId: 'R-TRACE',
        },
      });
      return;
    }
    if (line.codes.length >= line.item.packsAvailable) {
      beep('refused');
      set({
        error: {
          code: 'CONFLICT',
          message: `「${line.item.genname}」可售库存只有 ${line.item.packsAvailable}${line.item.packUnit}`,
        },
      });
      return;
    }
    set({
      basket: basket.map((l) => (l === line ? { ...l, codes: [...l.codes, code] } : l)),
      error: null,
      notice: `「${line.item.genname}」第 ${line.codes.length + 1} ${line.item.packUnit}已扫码`,
    });
    beep('success');
  },

  refuseProductCode(code) {
    beep('refused');
    set({
      error: {
        code: 'VALIDATION',
        message: `商品条码 ${code} 只标识品种，不标识单盒：请扫描包装上的药品追溯码（20位）、GS1码或MA码`,
        ruleId: 'R-TRACE',
      },
    });
  },

  removeCode(medListCodg, code) {
    set({
      basket: get().basket.map((l) =>
        l.item.medListCodg === medListCodg ? { ...l, codes: l.codes.filter((c) => c !== code) } : l,
      ),
    });
  },

  removeLine(medListCodg) {
    const basket = get().basket.filter((l) => l.item.medListCodg !== medListCodg);
    const active =
      get().active === medListCodg ? (basket.at(-1)?.item.medListCodg ?? null) : get().active;
    set({ basket, active });
  },

  async sell() {
    const { basket, selling, sold } = get();
    if (selling || sold) return;
    const items = basket
      .filter((l) => l.codes.length > 0)
      .map((l) => ({ medListCodg: l.item.medListCodg, codes: l.codes }));
    if (items.length === 0) {
      beep('error');
      set({ error: { code: 'VALIDATION', message: '购物清单为空：请选择商品并逐盒扫码' } });
      return;
    }
    set({ selling: true, error: null });
    try {
      const view = await api.call('sale.selfPay', { items });
      set({ sold: view, selling: false, notice: null });
      beep('success');
    } catch (err) {
      set({ selling: false, error: failure(err) });
    }
  },

  async refreshUploads() {
    const sold = get().sold;
    if (!sold || get().refreshingUploads) return;
    set({ refreshingUploads: true });
    try {
      const uploads = await api.call('uploads.forSale', { saleId: sold.saleId });
      const current = get().sold;
      if (current?.saleId === sold.saleId) {
        set({ sold: { ...current, uploads: uploads.uploads }, refreshingUploads: false });
      } else set({ refreshingUploads: false });
    } catch (err) {
      set({ refreshingUploads: false, error: failure(err) });
    }
  },

  next() {
    void get().open();
  },
}));
