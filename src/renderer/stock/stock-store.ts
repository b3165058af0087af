import { create } from 'zustand';
import type { ApiInput } from '../../contract/contract';
import type { StockItemView } from '../../contract/types-dispense';
import type { PaperDrugOption } from '../../contract/types-paper';
import type { StockUploadView } from '../../contract/types-stock';
import type { AppErrorShape } from '../../domain/errors';
import { api } from '../api';
import { onPageChange } from '../navigation/navigation-store';
import { busyCall } from '../stores/busy-call';

export type ReceiveInput = ApiInput<'stock.receive'>;
export type AdjustReason = ApiInput<'stock.adjust'>['reason'];

interface StockState {
  items: StockItemView[];
  uploads: StockUploadView[];
  drugs: PaperDrugOption[];
  selectedBatchId: number | null;
  busy: boolean;
  error: AppErrorShape | null;
  /** What the last action did, in Chinese. */
  notice: string | null;
  select(batchId: number | null): void;
  refresh(): Promise<void>;
  receive(input: ReceiveInput): Promise<boolean>;
  returnToSupplier(packs: number, reason: string): Promise<boolean>;
  adjust(deltaPacks: number, reason: AdjustReason, memo: string): Promise<boolean>;
  stocktake(): Promise<void>;
}

const attempt = <T>(set: (s: Partial<StockState>) => void, run: () => Promise<T>) =>
  busyCall(set, run, { notice: null });

/** The stock screen (Alt+C 库存): batches, 进货/退货/报损/报溢/盘存 and their uploads (R-STOCK). */
export const useStockStore = create<StockState>((set, get) => ({
  items: [],
  uploads: [],
  drugs: [],
  selectedBatchId: null,
  busy: false,
  error: null,
  notice: null,
  select: (selectedBatchId) => set({ selectedBatchId }),
  async refresh() {
    const r = await attempt(set, async () => ({
      items: await api.call('stock.list', {}),
      uploads: await api.call('stock.uploads', {}),
      drugs: get().drugs.length ? get().drugs : await api.call('paper.drugs', {}),
    }));
    if (r) set(r);
  },
  async receive(input) {
    const b = await attempt(set, () => api.call('stock.receive', input));
    if (!b) return false;
    await get().refresh();
    set({
      selectedBatchId: b.batchId,
      notice: `已入库 ${b.genname} 批号 ${b.batchNo}，${b.upload.label}${b.upload.stateLabel}`,
    });
    return true;
  },
  async returnToSupplier(packs, reason) {
    const batchId = get().selectedBatchId;
    if (batchId === null) return false;
    const b = await attempt(set, () =>
      api.call('stock.returnToSupplier', { batchId, packs, reason }),
    );
    if (!b) return false;
    await get().refresh();
    set({
      notice: `已退货 ${packs} 盒，现有 ${b.packsOnHand} 盒；${b.upload.label}${b.upload.stateLabel}`,
    });
    return true;
  },
  async adjust(deltaPacks, reason, memo) {
    const batchId = get().selectedBatchId;
    if (batchId === null) return false;
    const b = await attempt(set, () =>
      api.call('stock.adjust', { batchId, deltaPacks, reason, ...(memo ? { memo } : {}) }),
    );
    if (!b) return false;
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
    set({ notice: `盘存上传已排队：${t.batches} 个批次` });
  },
}));

/** Each opening starts without the last visit's error or notice. */
onPageChange('stock', { opened: () => useStockStore.setState({ error: null, notice: null }) });
