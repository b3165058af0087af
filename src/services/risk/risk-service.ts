import type { CatalogDrug } from '../../domain/catalog/catalog-drug';
import { AppError } from '../../domain/errors';
import { computeRiskSignals } from '../../domain/risk/compute';
import { dayLimits } from '../../domain/risk/large-lines';
import { riskPeriod } from '../../domain/risk/period';
import type { RiskSignal } from '../../domain/risk/signal';
import type { RegionLimits, RiskThresholds } from '../../domain/risk/thresholds';
import type { Db } from '../../store/database';
import { RiskRepository } from '../../store/risk-repository';
import { SuspectLeadRepository } from '../../store/suspect-lead-repository';
import type { AuthenticatedSession } from '../auth-service';
import type { Logger } from '../logger';

interface Deps {
  db: Db;
  catalog: ReadonlyMap<string, CatalogDrug>;
  thresholds: RiskThresholds;
  region: () => RegionLimits;
  log: Logger;
}

const DAY = 86_400_000;

/** Reads the period's rows and hands them to the pure signal functions (src/domain/risk). */
export function createRiskService(deps: Deps) {
  const repo = new RiskRepository(deps.db);
  const leads = new SuspectLeadRepository(deps.db);
  const t = deps.thresholds;

  function signals(session: AuthenticatedSession, from: string, to: string): RiskSignal[] {
    requireMayReadRisk(session);
    return compute(from, to);
  }

  /** The signals of a period, without the caller's check (a background job runs this). */
  function compute(from: string, to: string): RiskSignal[] {
    const period = riskPeriod(from, to);
    const region = deps.region();
    const limits = dayLimits(region, t);
    const range = { start: period.startMs, end: period.endMs };
    const lookback = t.overDispensing.lookbackDays.value * DAY;
    const started = Date.now();
    // One read snapshot for the rows and for the names the drill-downs look up afterwards.
    const compute = deps.db.transaction(() =>
      computeRiskSignals({
        period,
        thresholds: t,
        region,
        paper: repo.paper(range),
        eRxDispensed: repo.eRxDispensed(range),
        lines: repo.largeLineCandidates(range, {
          packs: t.largeLine.maxPacks.value,
          days: Math.min(limits.shortRx, limits.longRx),
        }),
        supply: repo.supply({ start: period.startMs - lookback, end: period.endMs }),
        supplyNames: repo.supplyNames(),
        refusals: repo.refusals(range),
        suspectLeads: leads.inPeriod(range),
        genname: (code) => deps.catalog.get(code)?.genname,
      }),
    );
    const result = compute.deferred();
    deps.log.info('risk.signals', {
      from,
      to,
      ms: Date.now() - started,
      triggered: result.filter((s) => s.triggered).length,
    });
    return result;
  }

  return { signals, compute };
}

/** R-RISK: a cashier may not see risk signals. */
export function requireMayReadRisk(session: AuthenticatedSession): void {
  if (session.staff.role === 'cashier') {
    throw new AppError('FORBIDDEN', '风险信号仅限执业药师或管理员查看（收银员无权限）', {
      ruleId: 'R-RISK',
    });
  }
}
