import { institutionPaperSignal } from './institution-paper';
import { largeLineSignal } from './large-lines';
import { overDispensingSignal } from './over-dispensing';
import { paperVolumeSignal } from './paper-volume';
import type { RiskPeriod } from './period';
import { refusedCodeSignal } from './refused-codes';
import type { PaperRxRow, RefusalRow, RxLineRow, SupplyNames, SupplySeries } from './rows';
import { bySeverity, type RiskSignal } from './signal';
import { type SuspectLead, suspectLeadSignal } from './suspect-leads';
import type { RegionLimits, RiskThresholds } from './thresholds';

export interface RiskInput {
  period: RiskPeriod;
  thresholds: RiskThresholds;
  region: RegionLimits;
  /** Paper prescriptions captured in the period. */
  paper: PaperRxRow[];
  /** E-prescriptions dispensed (completed) in the period. */
  eRxDispensed: number;
  /** Candidate large lines of the period (the store may pre-filter by the lowest limits). */
  lines: RxLineRow[];
  /** Dispensings of the period and of the look-back before it, per person and drug. */
  supply: SupplySeries[];
  supplyNames: SupplyNames;
  refusals: RefusalRow[];
  /** Prescriptions refused as suspicious in the period (R-REPORT-SUSPECT). */
  suspectLeads: SuspectLead[];
  genname: (medListCodg: string) => string | undefined;
}

/**
 * The signals of R-RISK and the suspicious-prescription leads over one period, most severe first.
 * None counts prescriptions per doctor: that is 违规统方 (R-NO-STATS), however the total is used.
 */
export function computeRiskSignals(i: RiskInput): RiskSignal[] {
  return bySeverity([
    paperVolumeSignal(i.paper, i.eRxDispensed, i.period, i.thresholds),
    largeLineSignal(i.lines, i.region, i.thresholds),
    overDispensingSignal(i.supply, i.supplyNames, i.period, i.thresholds),
    institutionPaperSignal(i.paper, i.period, i.thresholds),
    refusedCodeSignal(i.refusals, i.genname, i.thresholds),
    suspectLeadSignal(i.suspectLeads),
  ]);
}
