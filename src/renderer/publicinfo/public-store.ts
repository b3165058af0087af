import { create } from 'zustand';
import type { DeliveryOrderView } from '../../contract/types-delivery';
import type {
  PublicExportFormat,
  PublicListId,
  PublicPriceList,
  StockAvailability,
} from '../../contract/types-public';
import type { ElectronicReceiptView } from '../../contract/types-settlement';
import { beijingDate } from '../../domain/calendar';
import type { AppErrorShape } from '../../domain/errors';
import { api, toShape } from '../api';
import { downloadFile } from '../reports/download';

export type PublicTab = 'prices' | 'availability' | 'receipts' | 'deliveries';

interface PublicState {
  tab: PublicTab;
  prices: PublicPriceList | null;
  availability: StockAvailability | null;
  receipts: ElectronicReceiptView[];
  deliveries: DeliveryOrderView[];
  busy: boolean;
  error: AppErrorShape | null;
  setTab(tab: PublicTab): void;
  load(): Promise<void>;
  download(report: PublicListId, format: PublicExportFormat): Promise<void>;
  exportReceipt(settlementId: number, kind?: 'original' | 'reversal'): Promise<void>;
  exportDeliveries(): Promise<void>;
  /** The delivery row the keys act on (R-DELIVERY); ↑↓ move it on the 配送记录 tab. */
  selectedOrderId: number | null;
  select(orderId: number): void;
  moveSelection(step: 1 | -1): void;
  /** 交付配送: the order goes to the courier (ordered → handed_over). */
  handOver(orderId: number): Promise<void>;
  /** 确认签收 after the receiver's identity was checked (handed_over → received). */
  confirmReceipt(orderId: number, receiverName: string, identityChecked: boolean): Promise<boolean>;
}

const today = () => beijingDate(new Date());

/** Replaces one order in the list by its new state. */
const replaced = (list: DeliveryOrderView[], d: DeliveryOrderView) =>
  list.map((x) => (x.orderId === d.orderId ? d : x));

/** The first order still waiting for a step, else the first. */
const firstOpen = (list: DeliveryOrderView[]) =>
  (list.find((d) => d.state !== 'received') ?? list[0])?.orderId ?? null;

export const usePublicStore = create<PublicState>((set, get) => {
  const attempt = async (work: () => Promise<void>) => {
    set({ busy: true, error: null });
    try {
      await work();
    } catch (err) {
      set({ error: toShape(err) });
    } finally {
      set({ busy: false });
    }
  };
  return {
    tab: 'prices',
    prices: null,
    availability: null,
    receipts: [],
    deliveries: [],
    busy: false,
    error: null,
    selectedOrderId: null,
    setTab: (tab) => set({ tab }),
    select: (orderId) => set({ selectedOrderId: orderId }),
    moveSelection: (step) => {
      const { deliveries, selectedOrderId } = get();
      const at = deliveries.findIndex((d) => d.orderId === selectedOrderId);
      const next = deliveries[Math.min(Math.max(at + step, 0), deliveries.length - 1)];
      if (next) set({ selectedOrderId: next.orderId });
    },
    handOver: (orderId) =>
      attempt(async () => {
        const d = await api.call('delivery.handOver', { orderId });
        set({ deliveries: replaced(get().deliveries, d) });
      }),
    confirmReceipt: async (orderId, receiverName, identityChecked) => {
      let done = false;
      await attempt(async () => {
        const d = await api.call('delivery.confirmReceipt', {
          orderId,
          receiverName,
          identityChecked,
        });
        set({ deliveries: replaced(get().deliveries, d) });
        done = true;
      });
      return done;
    },
    load: () =>
      attempt(async () => {
        const day = today();
        const [prices, availability, receipts, deliveries] = await Promise.all([
          api.call('public.priceList', {}),
          api.call('public.stockAvailability', {}),
          api.call('einvoice.list', { from: day, to: day }),
          api.call('delivery.list', { from: day, to: day }),
        ]);
        set({ prices, availability, receipts, deliveries, selectedOrderId: firstOpen(deliveries) });
      }),
    download: (report, format) =>
      attempt(async () => {
        const r = await api.call('public.export', { report, format });
        downloadFile(r.fileName, r.mime, r.base64);
      }),
    exportReceipt: (settlementId, kind = 'original') =>
      attempt(async () => {
        const r = await api.call('einvoice.export', { settlementId, kind });
        downloadFile(r.fileName, r.mime, r.base64);
      }),
    exportDeliveries: () =>
      attempt(async () => {
        const day = today();
        const r = await api.call('delivery.export', { from: day, to: day });
        downloadFile(r.fileName, r.mime, r.base64);
      }),
  };
});
