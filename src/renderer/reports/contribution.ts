import type { Contribution } from '../navigation/contribution';
import { ReportsScreen } from './ReportsScreen';
import { onReportsKeyDown } from './report-key-handler';
import { REPORT_KEYS } from './report-keys';

export const reportsContribution: Contribution = {
  id: 'reports',
  View: ReportsScreen,
  keys: REPORT_KEYS,
  onKeyDown: onReportsKeyDown,
};
