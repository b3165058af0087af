import { randomUUID } from 'node:crypto';
import type { StoreShiftRecord } from '../../contract/store-protocol-staff';
import type { Db } from '../../store/database';
import type { StoreClient } from '../../store-link/store-client';
import type { Logger } from '../logger';
import { createStorePass } from '../store-pass';
import { localRoster } from './local-roster';
import { rosterStateOf } from './roster-state';
import { storeOnDuty } from './store-on-duty';

const RETRY_MS = 5_000;
const SHIFT_BATCH = 200;

export interface StaffSyncPass {
  /** accounts sent to the store, and those the store refused as older than its own */
  pushed: number;
  conflicts: string[];
  /** accounts whose change the store refused by a store-wide rule (one active administrator) */
  refused: string[];
  /** accounts taken from the store's roster */
  pulled: number;
  shiftsSent: number;
}

interface ShiftRow {
  id: number;
  username: string;
  display_name: string;
  pharmacist_code: string;
  opened_at: number;
  closed_at: number | null;
}

/**
 * A counter of a store and the store's staff roster and shifts (issue 17, R-PHARMACIST, D50).
 * Each pass (1) sends the accounts changed here (marked in the change's own transaction), each
 * based on the store version this counter last had — an account another counter changed since
 * is refused by the store and this counter's change gives way; (2) takes every account the
 * store changed since its last pull, so an account registered at one counter signs in at all
 * of them, and offline with the last copy pulled; (3) sends its shifts (pharmacist_shifts is the
 * queue, the store's `shifts.last` the cursor), so the store knows who is on duty at which
 * counter.
 */
export function createStoreStaffSync(deps: {
  db: Db;
  link: StoreClient;
  log: Logger;
  now: () => number;
}) {
  const state = rosterStateOf(deps.db);
  const local = localRoster(deps.db, deps.now);
  const shiftsFrom = deps.db.prepare(
    `SELECT p.id, s.username, s.display_name, coalesce(s.pharmacist_code, '') AS pharmacist_code,
       p.opened_at, p.closed_at
     FROM pharmacist_shifts p JOIN staff s ON s.id = p.staff_id
     WHERE p.id > ? OR p.id IN (SELECT value FROM json_each(?))
     ORDER BY p.id LIMIT ${SHIFT_BATCH}`,
  );
  const allNames = deps.db.prepare('SELECT username FROM staff ORDER BY id').pluck();

  /**
   * Accounts changed here, and (the first time this counter joins a store) every account it
   * has never synced: the store keeps the first registration of a user name.
   */
  function owed(): Array<[string, number]> {
    const { pending, synced } = state.read();
    const never = (allNames.all() as string[])
      .map((u) => u.toLowerCase())
      .filter((u) => synced[u] === undefined && pending[u] === undefined);
    return [...Object.entries(pending), ...never.map((u): [string, number] => [u, 0])];
  }

  async function push(done: StaffSyncPass): Promise<void> {
    for (const [username, changes] of owed()) {
      const { synced } = state.read();
      const account = local.account(username);
      if (!account) {
        state.sent(username, changes, synced[username] ?? 0);
        continue;
      }
      const answer = await deps.link.call('staff.put', {
        idempotencyKey: `staff-${deps.link.counterId}-${randomUUID()}`,
        account,
        baseVersion: synced[username] ?? null,
      });
      done.pushed++;
      if (answer.verdict === 'conflict') {
        done.conflicts.push(username);
        deps.log.warn(
          `员工账号 ${username} 已由柜台 ${answer.changedBy} 修改，本柜台的修改未被门店采纳，以门店为准`,
        );
        // Given way: the store's copy is taken by the pull below.
        state.sent(username, changes, 0);
        state.rewind(answer.version);
      } else if (answer.verdict === 'refused') {
        done.refused.push(username);
        deps.log.warn(`员工账号 ${username} 的修改未被门店采纳：${answer.message}，以门店为准`);
        state.sent(username, changes, 0);
        state.rewind(answer.version);
      } else state.sent(username, changes, answer.version);
    }
  }

  async function pull(done: StaffSyncPass): Promise<void> {
    for (;;) {
      const { cursor, pending } = state.read();
      const { accounts } = await deps.link.call('staff.roster', { afterVersion: cursor });
      if (accounts.length === 0) return;
      for (const { version, ...account } of accounts) {
        const key = account.username.toLowerCase();
        if (pending[key] === undefined) {
          try {
            deps.db.transaction(() => {
              local.apply(account);
              state.pulled(key, version);
            })();
            done.pulled++;
          } catch (e) {
            deps.log.error(
              `门店员工账号 ${account.username} 未能写入本柜台：${(e as Error).message}`,
            );
          }
        }
        state.advance(version);
      }
    }
  }

  async function pushShifts(done: StaffSyncPass): Promise<void> {
    const { lastLocalId, openLocalIds } = await deps.link.call('shifts.last', {});
    let after = lastLocalId;
    let reopen = JSON.stringify(openLocalIds);
    for (;;) {
      const rows = shiftsFrom.all(after, reopen) as ShiftRow[];
      if (rows.length === 0) return;
      const shifts: StoreShiftRecord[] = rows.map((r) => ({
        localId: r.id,
        username: r.username,
        displayName: r.display_name,
        pharmacistCode: r.pharmacist_code,
        openedAt: r.opened_at,
        closedAt: r.closed_at,
      }));
      await deps.link.call('shifts.record', {
        idempotencyKey: `shifts-${deps.link.counterId}-${randomUUID()}`,
        shifts,
      });
      done.shiftsSent += shifts.length;
      after = Math.max(after, ...rows.map((r) => r.id));
      reopen = '[]';
      if (rows.length < SHIFT_BATCH) return;
    }
  }

  async function pass(): Promise<StaffSyncPass> {
    const done: StaffSyncPass = {
      pushed: 0,
      conflicts: [],
      refused: [],
      pulled: 0,
      shiftsSent: 0,
    };
    await push(done);
    await pull(done);
    await pushShifts(done);
    return done;
  }

  const runner = createStorePass(pass, {
    retryMs: RETRY_MS,
    log: deps.log,
    notYet: '员工名册与上岗记录暂未与门店服务器同步',
  });

  return {
    syncNow: runner.now,
    /** Who is on duty at which counter of the store (R-PHARMACIST). */
    onDuty: () => storeOnDuty(deps.link, deps.log),
    soon: runner.soon,
    /** Called inside a staff change's transaction: the account is owed to the store. */
    markChanged(username: string): void {
      state.markChanged(username);
      setImmediate(runner.soon);
    },
    start: runner.start,
    stop: runner.stop,
  };
}

export type StoreStaffSync = ReturnType<typeof createStoreStaffSync>;
