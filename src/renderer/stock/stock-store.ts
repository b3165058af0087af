import { create } from 'zustand';
import type { ApiInput } from '../../contract/contract';
import type { StockItemView } from '../../contract/types-dispense';
import type { PaperDrugOption } from '../../contract/types-paper';
import type {
  StockUploadView,
  StoreStockLevelsView,
  SupplierView,
} from '../../contract/types-stock';
import type { AppErrorShape } from '../../domain/errors';
import { UNTRACED_LABEL } from '../../domain/stock/untraced-batch';
import { api, toShape } from '../api';
import { onPageChange } from '../navigation/navigation-store';
import { busyCall } from '../stores/busy-call';

export type ReceiveInput = ApiInput<'stock.receive'>;
export type AdjustReason = ApiInput<'stock.adjust'>['reason'];
export type SupplierInput = ApiInput<'stock.saveSupplier'>;
/** Which form a scanned pack code belongs to: the receipt (Alt+J) or the return (Alt+T). */
export type ScanTarget = 'receive' | 'return';
/** A counter of a store shows its own batches or the whole store's (全店库存). */
export type StockView = 'counter' | 'store';

interface StockState {
  items: StockItemView[];
  uploads: StockUploadView[];
  drugs: PaperDrugOption[];
  suppliers: SupplierView[];
  selectedBatchId: number | null;
  scanTarget: ScanTarget;
  /** Pack codes scanned for the receipt and for the return, one per pack (R-STOCK). */
  codes: Record<ScanTarget, string[]>;
  busy: boolean;
  error: AppErrorShape | null;
  /** What the last action did, in Chinese. */
  notice: string | null;
  /** A counter of a store (store.link); a single counter sees its own list exactly as before. */
  storeMode: boolean;
  view: StockView;
  /** The store's stock, or this counter's last copy of it marked as such (D49, D54). */
  storeLevels: StoreStockLevelsView | null;
  storeLevelsError: AppErrorShape | null;
  /** One key per receipt, kept until it is recorded, so a retry is recorded once (D54). */
  receiptKey: string;
  select(batchId: number | null): void;
  setView(view: StockView): void;
  refreshStoreLevels(): Promise<void>;
  aim(target: ScanTarget): void;
  addScannedCode(code: string): void;
  clearCodes(target: ScanTarget): void;
  saveSupplier(input: SupplierInput): Promise<boolean>;
  refresh(): Promise<void>;
  receive(input: Omit<ReceiveInput, 'codes'>): Promise<boolean>;
  returnToSupplier(packs: number, reason: string): Promise<boolean>;
  adjust(deltaPacks: number, reason: AdjustReason, memo: string): Promise<boolean>;
  stocktake(): Promise<void>;
}

/**
 * A random (v4) UUID from getRandomValues, which unlike randomUUID also exists where the page is
 * not a secure context (browser mode reached over the pharmacy's LAN).
 */
function newReceiptKey(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const attempt = <T>(set: (s: Partial<StockState>) => void, run: () => Promise<T>) =>
  busyCall(set, run, { notice: null });

/** The stock screen (Alt+C 库存): batches, 进货/退货/报损/报溢/盘存 and their uploads (R-STOCK). */
export const useStockStore = create<StockState>((set, get) => ({
  items: [],
  uploads: [],
  drugs: [],
  suppliers: [],
  selectedBatchId: null,
  scanTarget: 'receive',
  codes: { receive: [], return: [] },
  busy: false,
  error: null,
  notice: null,
  storeMode: false,
  view: 'counter',
  storeLevels: null,
  storeLevelsError: null,
  receiptKey: newReceiptKey(),
  select: (selectedBatchId) => set({ selectedBatchId }),
  setView(view) {
    set({ view });
    if (view === 'store') void get().refreshStoreLevels();
  },
  async refreshStoreLevels() {
    try {
      set({ storeLevels: await api.call('stock.storeLevels', {}), storeLevelsError: null });
    } catch (err) {
      set({ storeLevels: null, storeLevelsError: toShape(err) });
    }
  },
  aim: (scanTarget) => set({ scanTarget }),
  addScannedCode(code) {
    const { scanTarget, codes } = get();
    if (codes[scanTarget].includes(code)) {
      set({ error: { code: 'VALIDATION', message: `追溯码 ${code} 已扫过，一盒一码` } });
      return;
    }
    set({ error: null, codes: { ...codes, [scanTarget]: [...codes[scanTarget], code] } });
  },
  clearCodes: (target) => set({ codes: { ...get().codes, [target]: [] } }),
  async saveSupplier(input) {
    const saved = await attempt(set, () => api.call('stock.saveSupplier', input));
    if (!saved) return false;
    await get().refresh();
    set({
      notice: `已登记供应商「${saved.name}」许可证 ${saved.licenceNo}，有效期至 ${saved.licenceValidUntil}`,
    });
    return true;
  },
  async refresh() {
    const r = await attempt(set, async () => ({
      items: await api.call('stock.list', {}),
      uploads: await api.call('stock.uploads', {}),
      suppliers: await api.call('stock.suppliers', {}),
      drugs: get().drugs.length ? get().drugs : await api.call('paper.drugs', {}),
      storeMode: (await api.call('store.link', {})).mode === 'counter',
    }));
    if (!r) return;
    set(r);
    if (r.storeMode) await get().refreshStoreLevels();
  },
  async receive(input) {
    const { codes, receiptKey } = get();
    const b = await attempt(set, () =>
      api.call('stock.receive', { ...input, codes: codes.receive, receiptKey }),
    );
    if (!b) return false;
    set({ receiptKey: newReceiptKey() });
    get().clearCodes('receive');
    await get().refresh();
    set({
      selectedBatchId: b.batchId,
      notice: `已入库 ${b.genname} 批号 ${b.batchNo}${get().storeMode ? '（门店服务器已登记）' : ''}，${b.upload.label}${b.upload.stateLabel}`,
    });
    return true;
  },
  async returnToSupplier(packs, reason) {
    const batchId = get().selectedBatchId;
    if (batchId === null) return false;
    const codes = get().codes.return;
    const b = await attempt(set, () =>
      api.call('stock.returnToSupplier', { batchId, packs, reason, codes }),
    );
    if (!b) return false;
    get().clearCodes('return');
    await get().refresh();
    set({
      notice: `已退货 ${packs} 盒，现有 ${b.packsOnHand} 盒；${b.upload.label}${b.upload.stateLabel}`,
    });
    return true;
  },
  async adjust(deltaPacks, reason, memo) {
    const batchId = get().selectedBatchId;
    if (batchId === null) return false;
    // Packs leaving the stock are named by their scanned codes, one per pack (R-STOCK).
    const codes = deltaPacks < 0 ? get().codes.return : [];
    const b = await attempt(set, () =>
      api.call('stock.adjust', {
        batchId,
        deltaPacks,
        reason,
        ...(memo ? { memo } : {}),
        ...(codes.length ? { codes } : {}),
      }),
    );
    if (!b) return false;
    if (codes.length) get().clearCodes('return');
    await get().refresh();
    set({
      notice: `已${reason} ${Math.abs(deltaPacks)} 盒，现有 ${b.packsOnHand} 盒；${b.upload.label}${b.upload.stateLabel}`,
    });
    return true;
  },
  async stocktake() {
    const t = await attempt(set, () => api.call('stock.stocktake', {}));
    if (!t) return;
    await get().refresh();
    const untraced = t.untraced.map((b) => `${b.genname} 批号 ${b.batchNo}（${b.packsOnHand} 盒）`);
    set({
      notice: `盘存上传已排队：${t.batches} 个批次${
        untraced.length
          ? `；${UNTRACED_LABEL} ${untraced.length} 个：${untraced.join('、')}，销售时须逐盒扫码`
          : ''
      }`,
    });
  },
}));

/** Each opening starts without the last visit's error or notice. */
onPageChange('stock', { opened: () => useStockStore.setState({ error: null, notice: null }) });
