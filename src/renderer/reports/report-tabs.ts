import type { ReportId } from '../../contract/types-reports';

/** The five reports in tab order; key n (or Alt+n) opens the n-th. */
export const REPORT_TABS: readonly { id: ReportId; label: string }[] = [
  { id: 'settlements-daily', label: '每日结算' },
  { id: 'dispensing-by-drug', label: '药品调剂' },
  { id: 'catalog-coverage', label: '目录占比' },
  { id: 'outbox-health', label: '上传队列健康' },
  { id: 'flowed-prices', label: '外流药品价格' },
];

export function tabAt(digit: number): ReportId | null {
  return REPORT_TABS[digit - 1]?.id ?? null;
}
