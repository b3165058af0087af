import type { Contribution } from '../navigation/contribution';
import { RiskScreen } from './RiskScreen';
import { onRiskKeyDown } from './risk-key-handler';
import { RISK_KEYS } from './risk-keys';

export const riskContribution: Contribution = {
  id: 'risk',
  View: RiskScreen,
  keys: RISK_KEYS,
  onKeyDown: onRiskKeyDown,
};
