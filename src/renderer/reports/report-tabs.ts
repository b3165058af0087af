import type { ReportId } from '../../contract/types-reports';

/** A tab of the reports screen: one of this counter's reports, or the store-wide view. */
export type ReportTab = ReportId | 'store';

/** The reports in tab order; key n (or Alt+n) opens the n-th. */
export const REPORT_TABS: readonly { id: ReportId; label: string }[] = [
  { id: 'settlements-daily', label: '每日结算' },
  { id: 'dispensing-by-drug', label: '药品调剂' },
  { id: 'catalog-coverage', label: '目录占比' },
  { id: 'outbox-health', label: '上传队列健康' },
  { id: 'flowed-prices', label: '外流药品价格' },
];

/** A counter of a store has a sixth tab: every counter's day and who is on duty where (issue 17). */
export const STORE_TAB = { id: 'store', label: '全店' } as const;

/** The tabs a counter shows: the store tab only for a counter of a store. */
export function tabsFor(storeMode: boolean): readonly { id: ReportTab; label: string }[] {
  return storeMode ? [...REPORT_TABS, STORE_TAB] : REPORT_TABS;
}

export function tabAt(digit: number, storeMode: boolean): ReportTab | null {
  return tabsFor(storeMode)[digit - 1]?.id ?? null;
}
