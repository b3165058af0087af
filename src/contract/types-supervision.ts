import type {
  SupervisionChoice,
  SupervisionOutcome,
  SupervisionSeverity,
} from '../domain/supervision/supervision-warning';

/** Output types of the pre-settlement supervision methods (contract-supervision.ts, R-SUPERVISE). */

export type { SupervisionChoice, SupervisionOutcome, SupervisionSeverity };

/** One finding of the platform's supervision subsystem, in its own words. */
export interface SupervisionWarningView {
  jrId: string;
  /** The platform's rule id and name (not one of the counter's R- rules). */
  ruleId: string;
  ruleName: string;
  content: string;
  basis: string;
  severity: SupervisionSeverity;
  severityLabel: string;
}

export interface SupervisionHandlingView {
  choice: SupervisionChoice;
  reason: string;
  staffName: string;
  handledAt: string;
}

/** The 3101 check made at pre-settlement and what the pharmacist decided. */
export interface SupervisionView {
  checkId: number;
  outcome: SupervisionOutcome;
  warnings: SupervisionWarningView[];
  /** Why there is no verdict (outcome 'unreachable'). */
  error: string | null;
  handling: SupervisionHandlingView | null;
  /** Whether 2102 may be sent on this check now. */
  settleAllowed: boolean;
  /** Why not, in Chinese, when it may not. */
  refusal: string | null;
  /** R-SUPERVISE with the documents that govern the pharmacy's region, by title and section. */
  citation: string;
}
