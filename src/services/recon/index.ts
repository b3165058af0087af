import type { ReconDayView, ReconExportResult, ReconPeriodView } from '../../contract/types-recon';
import { AppError } from '../../domain/errors';
import type { Db } from '../../store/database';
import type { AuthenticatedSession } from '../auth-service';
import type { CenterRecords, CenterStatement, PeriodTotals } from './center-records';
import { compareSettlements } from './compare';
import { writeReconCsv } from './export-csv';
import { type LocalSettlement, localSettlementsIn, pendingUploadsIn } from './local-records';

/** Longest period one reconciliation covers: a year, as an inspection asks for. */
const MAX_PERIOD_DAYS = 366;

function checkPeriod(from: string, to: string): void {
  const a = Date.parse(`${from}T00:00:00+08:00`);
  const b = Date.parse(`${to}T00:00:00+08:00`);
  if (Number.isNaN(a) || Number.isNaN(b)) {
    throw new AppError('VALIDATION', `对账日期无效：${from} ~ ${to}`, { ruleId: 'R-RECON' });
  }
  if (a > b)
    throw new AppError('VALIDATION', '对账开始日期不能晚于结束日期', { ruleId: 'R-RECON' });
  if ((b - a) / 86_400_000 + 1 > MAX_PERIOD_DAYS) {
    throw new AppError('VALIDATION', `一次对账最长 ${MAX_PERIOD_DAYS} 天，请分段对账`, {
      ruleId: 'R-RECON',
    });
  }
}

function totalsOf(local: LocalSettlement[]): PeriodTotals {
  const settled = local.filter((s) => s.state === 'settled');
  const sum = (pick: (s: LocalSettlement) => number | null) =>
    settled.reduce((n, s) => n + (pick(s) ?? 0), 0);
  return {
    settlements: settled.length,
    medfeeFen: sum((s) => s.medfeeFen),
    fundFen: sum((s) => s.fundFen),
    acctFen: sum((s) => s.acctFen),
    cashFen: sum((s) => s.cashFen),
  };
}

/** 对账 (R-RECON): for any period, the counter's settlements and uploads against the center's. */
export function createReconService(deps: {
  db: Db;
  center: CenterRecords;
  dataDir: string;
  now: () => Date;
}) {
  async function compared(session: AuthenticatedSession, from: string, to: string) {
    checkPeriod(from, to);
    const local = localSettlementsIn(deps.db, from, to);
    const mine = totalsOf(local);
    let center: CenterStatement;
    try {
      center = await deps.center.statement(session, { from, to }, mine);
    } catch (err) {
      throw new AppError(
        'CENTER_UNREACHABLE',
        `对账需要连接医保中心，当前无法取得中心对账数据：${err instanceof Error ? err.message : String(err)}`,
        { ruleId: 'R-RECON' },
      );
    }
    const differences = compareSettlements(
      local,
      center.settlements,
      pendingUploadsIn(deps.db, from, to),
    );
    const live = center.settlements.filter((c) => c.stas === '1');
    const view: ReconPeriodView = {
      from,
      to,
      local: { settlements: mine.settlements, medfeeFen: mine.medfeeFen },
      center: { settlements: live.length, medfeeFen: live.reduce((n, c) => n + c.medfeeFen, 0) },
      totalsBalanced: center.totalsBalanced,
      totalsText: center.totalsText,
      differences,
      balanced: differences.length === 0 && center.totalsBalanced,
      source: deps.center.source,
    };
    return { view, local, center: center.settlements };
  }

  return {
    async period(
      session: AuthenticatedSession,
      from: string,
      to: string,
    ): Promise<ReconPeriodView> {
      return (await compared(session, from, to)).view;
    },
    async day(session: AuthenticatedSession, date: string): Promise<ReconDayView> {
      return { ...(await compared(session, date, date)).view, date };
    },
    /** The period's prescriptions one per row, both sides and what differs, as CSV. */
    async export(
      session: AuthenticatedSession,
      from: string,
      to: string,
    ): Promise<ReconExportResult> {
      const c = await compared(session, from, to);
      return writeReconCsv(deps.dataDir, c, deps.now());
    },
  };
}

export type ReconService = ReturnType<typeof createReconService>;
