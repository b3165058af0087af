import type { ReconDayView } from '../../contract/types-recon';
import { AppError } from '../../domain/errors';
import type { Db } from '../../store/database';
import type { CenterRecords } from './center-records';
import { compareDay } from './compare';
import { localSettlementsOn, pendingUploadsOn } from './local-records';

/** 对账 (R-RECON): for any day, the counter's settlements and uploads against the center's. */
export function createReconService(deps: { db: Db; center: CenterRecords }) {
  async function day(date: string): Promise<ReconDayView> {
    if (Number.isNaN(Date.parse(`${date}T00:00:00+08:00`))) {
      throw new AppError('VALIDATION', `对账日期无效：${date}`, { ruleId: 'R-RECON' });
    }
    const local = localSettlementsOn(deps.db, date);
    let center: Awaited<ReturnType<CenterRecords['settlementsOn']>>;
    try {
      center = await deps.center.settlementsOn(date);
    } catch (err) {
      throw new AppError(
        'CENTER_UNREACHABLE',
        `对账需要连接医保中心，当前无法读取中心记录：${err instanceof Error ? err.message : String(err)}`,
        { ruleId: 'R-RECON' },
      );
    }
    const differences = compareDay(local, center, pendingUploadsOn(deps.db, date));
    const settled = local.filter((s) => s.state === 'settled');
    const live = center.filter((c) => c.stas === '1');
    return {
      date,
      local: {
        settlements: settled.length,
        medfeeFen: settled.reduce((n, s) => n + s.medfeeFen, 0),
      },
      center: { settlements: live.length, medfeeFen: live.reduce((n, c) => n + c.medfeeFen, 0) },
      differences,
      balanced: differences.length === 0,
      source: deps.center.source,
    };
  }
  return { day };
}

export type ReconService = ReturnType<typeof createReconService>;
