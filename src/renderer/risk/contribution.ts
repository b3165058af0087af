import type { Contribution } from '../navigation/contribution';
import { lazyView } from '../navigation/lazy-view';
import { onRiskKeyDown } from './risk-key-handler';
import { RISK_KEYS } from './risk-keys';

export const riskContribution: Contribution = {
  id: 'risk',
  View: lazyView(() => import('./RiskScreen').then((m) => m.RiskScreen)),
  keys: RISK_KEYS,
  onKeyDown: onRiskKeyDown,
};
