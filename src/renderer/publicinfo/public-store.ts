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
}

const today = () => beijingDate(new Date());

export const usePublicStore = create<PublicState>((set) => {
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
    setTab: (tab) => set({ tab }),
    load: () =>
      attempt(async () => {
        const day = today();
        const [prices, availability, receipts, deliveries] = await Promise.all([
          api.call('public.priceList', {}),
          api.call('public.stockAvailability', {}),
          api.call('einvoice.list', { from: day, to: day }),
          api.call('delivery.list', { from: day, to: day }),
        ]);
        set({ prices, availability, receipts, deliveries });
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
