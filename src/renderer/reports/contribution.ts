import type { Contribution } from '../navigation/contribution';
import { lazyView } from '../navigation/lazy-view';
import { onReportsKeyDown } from './report-key-handler';
import { REPORT_KEYS } from './report-keys';

export const reportsContribution: Contribution = {
  id: 'reports',
  View: lazyView(() => import('./ReportsScreen').then((m) => m.ReportsScreen)),
  keys: REPORT_KEYS,
  onKeyDown: onReportsKeyDown,
};
