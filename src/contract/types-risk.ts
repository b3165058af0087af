/** Risk signals (R-RISK): the shapes the risk screen receives. */
export type {
  RiskCell,
  RiskDrill,
  RiskDrillColumn,
  RiskSeverity,
  RiskSignal,
  RiskSignalId,
} from '../domain/risk/signal';
