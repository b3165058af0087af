import { create } from 'zustand';
import type { ApiOutput } from '../../contract/contract';
import type { StoreOnDutyView } from '../../contract/types-review';
import { beijingDate } from '../../domain/calendar';
import { isCalendarDate } from '../../domain/date-text';
import type { AppErrorShape } from '../../domain/errors';
import { api, isUnauthenticated, toShape } from '../api';
import { onPageChange } from '../navigation/navigation-store';
import { useSessionStore } from '../stores/session-store';

/** single: no store server, the counter's own reports are the store's; counter: one of a store. */
export type CounterMode = 'unknown' | 'single' | 'counter';

interface StoreWideState {
  mode: CounterMode;
  /** The Beijing day of the store day report (yyyy-MM-dd). */
  day: string;
  dayReport: ApiOutput<'reports.storeDay'> | null;
  dayError: AppErrorShape | null;
  onDuty: StoreOnDutyView | null;
  onDutyError: AppErrorShape | null;
  busy: boolean;
  loadMode(): Promise<void>;
  setDay(day: string): void;
  refresh(): Promise<void>;
}

function failed(err: unknown): AppErrorShape {
  if (isUnauthenticated(err)) useSessionStore.getState().expire(toShape(err).message);
  return toShape(err);
}

async function settle<T>(run: () => Promise<T>): Promise<[T | null, AppErrorShape | null]> {
  try {
    return [await run(), null];
  } catch (err) {
    return [null, failed(err)];
  }
}

/**
 * The reports screen's 全店 tab (issue 17): the store day report of every counter and who is on
 * duty where, read from the store server; each part says plainly when the store cannot be reached.
 */
export const useStoreWideStore = create<StoreWideState>((set, get) => ({
  mode: 'unknown',
  day: beijingDate(new Date()),
  dayReport: null,
  dayError: null,
  onDuty: null,
  onDutyError: null,
  busy: false,
  async loadMode() {
    const [link] = await settle(() => api.call('store.link', {}));
    set({ mode: link?.mode ?? 'unknown' });
  },
  setDay: (day) => set({ day }),
  async refresh() {
    const { day } = get();
    if (!isCalendarDate(day)) {
      set({ dayError: { code: 'VALIDATION', message: '请填写日期（yyyy-mm-dd）' } });
      return;
    }
    set({ busy: true, dayError: null, onDutyError: null });
    const [[dayReport, dayError], [onDuty, onDutyError]] = await Promise.all([
      settle(() => api.call('reports.storeDay', { day })),
      settle(() => api.call('shift.store', {})),
    ]);
    // A slower answer for a day the user has since left is dropped.
    if (get().day !== day) {
      set({ busy: false });
      return;
    }
    set({ busy: false, dayReport, dayError, onDuty, onDutyError });
  },
}));

onPageChange('reports', {
  opened: () => {
    useStoreWideStore.setState({ day: beijingDate(new Date()) });
    void useStoreWideStore.getState().loadMode();
  },
  closed: () => useStoreWideStore.setState({ dayReport: null, onDuty: null }),
});
