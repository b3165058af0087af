import { create } from 'zustand';
import type { DaySummary } from '../../contract/types-reports';
import type { AppErrorShape } from '../../domain/errors';
import { api, isUnauthenticated, toShape } from '../api';
import { beep } from '../feedback/beep';
import { downloadFile } from '../reports/download';
import { useSessionStore } from '../stores/session-store';
import { useUiStore } from '../stores/ui-store';

/** 'offDuty': F12 at a shift's close (下岗 waits for the held dispensings); 'view': on demand. */
export type DaySummaryMode = 'offDuty' | 'view';

interface DaySummaryState {
  mode: DaySummaryMode;
  summary: DaySummary | null;
  error: AppErrorShape | null;
  busy: boolean;
  open(mode: DaySummaryMode): Promise<void>;
  load(): Promise<void>;
  /** 结转 one held dispensing with its reason; true when recorded. */
  carryOver(dispensingId: number, reason: string): Promise<boolean>;
  printPdf(): Promise<void>;
}

export const useDaySummaryStore = create<DaySummaryState>((set, get) => {
  const fail = (err: unknown) => {
    const shape = toShape(err);
    if (isUnauthenticated(err)) useSessionStore.getState().expire(shape.message);
    else set({ error: shape });
    beep('error');
  };
  return {
    mode: 'view',
    summary: null,
    error: null,
    busy: false,

    async open(mode) {
      set({ mode, summary: null, error: null });
      useUiStore.getState().setOverlay('daySummary');
      await get().load();
    },

    async load() {
      try {
        set({ summary: await api.call('reports.daySummary', {}) });
      } catch (err) {
        fail(err);
      }
    },

    async carryOver(dispensingId, reason) {
      set({ busy: true, error: null });
      try {
        await api.call('dispense.carryOverHeld', { dispensingId, reason });
        beep('success');
        await get().load();
        return true;
      } catch (err) {
        fail(err);
        return false;
      } finally {
        set({ busy: false });
      }
    },

    async printPdf() {
      try {
        const pdf = await api.call('reports.daySummaryPdf', {});
        downloadFile(pdf.fileName, 'application/pdf', pdf.pdfBase64);
      } catch (err) {
        fail(err);
      }
    },
  };
});
