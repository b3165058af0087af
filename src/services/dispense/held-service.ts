import { dateOnly, dateTime } from '../../center/clock';
import type {
  CancelledHeldView,
  DispensingView,
  HeldDispensingView,
  ReopenedDispensing,
} from '../../contract/types-dispense';
import { carryOverReason } from '../../domain/day-close';
import { AppError } from '../../domain/errors';
import { rxLiveState } from '../../domain/lifecycle/rx-live-state';
import { maskIdNumber } from '../../domain/mask';
import type { Db } from '../../store/database';
import { DispensingRepository } from '../../store/dispensing-repository';
import { HeldCarryoverRepository } from '../../store/held-carryover-repository';
import { SaleReturnRepository } from '../../store/sale-return-repository';
import { StayHandoverRepository } from '../../store/stay-handover-repository';
import type { AuthenticatedSession } from '../auth-service';
import type { Logger } from '../logger';
import type { StoreQueue } from '../store-queue/store-queue';

interface Deps {
  db: Db;
  log: Logger;
  now: () => Date;
  view: (id: number) => DispensingView;
  storeQueue: StoreQueue | null;
}

/**
 * Held dispensings (issue 19): completed but never settled. The counter lists them, reopens
 * one where it stopped, or cancels it (撤销调剂) so its packs and codes go back.
 */
export function createHeldService(deps: Deps) {
  const repo = new DispensingRepository(deps.db);
  const returns = new SaleReturnRepository(deps.db, deps.storeQueue?.recordReturn ?? null);
  const staffName = deps.db.prepare('SELECT display_name FROM staff WHERE id = ?').pluck();
  const stays = new StayHandoverRepository(deps.db);

  function held(): HeldDispensingView[] {
    return repo.held().map((d) => ({
      dispensingId: d.id,
      source: d.source,
      rxno: d.rxno,
      patient: { name: d.patientName, certnoMasked: maskIdNumber(d.certno) },
      completedAt: dateTime(new Date(d.completedAt ?? d.startedAt)),
      staffName: (staffName.get(d.staffId) as string | undefined) ?? '',
      drugs: repo
        .lines(d.id)
        .filter((l) => l.qtyDispensed > 0)
        .map((l) => `「${l.genname}」×${l.qtyDispensed}${l.qtyUnit}`)
        .join('、'),
      // held(): reviewed (or a paper prescription reviewed at dispensing), no standing settlement
      live: rxLiveState({
        reviewable: true,
        review: 'pass',
        dispensing: d.state,
        settlement: null,
        selfPaid: false,
      }),
    }));
  }

  function reopen(id: number): ReopenedDispensing {
    const dispensing = deps.view(id);
    if (dispensing.state === 'open') return { step: 'dispense', dispensing };
    if (dispensing.state === 'completed') return { step: 'settle', dispensing };
    throw new AppError(
      'CONFLICT',
      `调剂单 ${id} ${dispensing.state === 'cancelled' ? '已撤销' : '已退货'}，不能再打开`,
      { ruleId: 'R-STATUS' },
    );
  }

  function cancelHeld(
    session: AuthenticatedSession,
    id: number,
    reason: string,
  ): CancelledHeldView {
    const back = deps.db
      .transaction(() => {
        const d = repo.get(id);
        if (!d) throw new AppError('NOT_FOUND', `没有调剂单 ${id}`);
        if (d.state !== 'completed') {
          throw new AppError('CONFLICT', `调剂单 ${id} 不是已完成待结算的调剂，不能撤销调剂`, {
            ruleId: 'R-STATUS',
          });
        }
        if (stays.live(id)) {
          throw new AppError(
            'CONFLICT',
            `调剂单 ${id} 已登记随住院结算，请在调剂页撤销随住院结算（同样退回药品与追溯码）`,
            { ruleId: 'R-MT-SETTLE' },
          );
        }
        if (!repo.held().some((h) => h.id === id)) {
          throw new AppError(
            'POLICY',
            `调剂单 ${id} 已有结算（或结算结果未知），不能撤销调剂；已结算的须走退费`,
            { ruleId: 'R-REVERSE' },
          );
        }
        return returns.cancelHeld(id, { staffId: session.staff.id, reason }, deps.now().getTime());
      })
      .immediate();
    deps.log.info(
      `撤销调剂（调剂单 ${id}，退回 ${back.packs} 盒、${back.codes} 个追溯码，药师 ${session.staff.username}）`,
    );
    return { dispensingId: id, state: 'cancelled', ...back };
  }

  const carryovers = new HeldCarryoverRepository(deps.db);

  /** 结转 at the day's close (R-KEEP): the held dispensing stays held, the reason is recorded. */
  function carryOver(
    session: AuthenticatedSession,
    id: number,
    reason: string,
  ): { dispensingId: number; day: string } {
    const why = carryOverReason(reason);
    const now = deps.now();
    const day = dateOnly(now);
    deps.db
      .transaction(() => {
        if (!repo.held().some((h) => h.id === id)) {
          throw new AppError('CONFLICT', `调剂单 ${id} 不是待结算调剂，无需结转`, {
            ruleId: 'R-KEEP',
          });
        }
        if (carryovers.ofDay(day).has(id)) {
          throw new AppError('CONFLICT', `调剂单 ${id} 今天已结转`, { ruleId: 'R-KEEP' });
        }
        carryovers.record({
          dispensingId: id,
          day,
          reason: why,
          staffId: session.staff.id,
          at: now.getTime(),
        });
      })
      .immediate();
    deps.log.info(`待结算调剂结转（调剂单 ${id}，${day}，${session.staff.username}）`);
    return { dispensingId: id, day };
  }

  return { held, reopen, cancelHeld, carryOver };
}
