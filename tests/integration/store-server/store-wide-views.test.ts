import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoreAuditListView } from '../../../src/contract/types-audit';
import type { StoreOnDutyView } from '../../../src/contract/types-review';
import type { StoreDayReport } from '../../../src/contract/types-store-settlements';
import { formatBeijingDateTime } from '../../../src/domain/policy/beijing-time';
import {
  SINGLE_COUNTER_AUDIT,
  STORE_UNREACHABLE_AUDIT,
} from '../../../src/services/audit/store-audit-list';
import {
  SINGLE_COUNTER_DAY_REPORT,
  STORE_UNREACHABLE_DAY_REPORT,
} from '../../../src/services/settlement/store-day-report';
import { STORE_UNREACHABLE_ON_DUTY } from '../../../src/services/store-staff/store-on-duty';
import { startHarness } from '../../support/app-harness';
import { signedInOnDuty } from '../../support/settled-sale';
import { postgresForThisFile } from './helpers/postgres';
import { pharmacist, storeWithTwoCounters } from './helpers/store-counters';

/**
 * What the 全店 screens (报表 → 全店, 审计日志 → 全店) are told by the counter's API (issue 17, D55):
 * the store's figures while it answers; plain words, and nothing made up from the counter's own
 * copy, while it cannot be reached or when there is no store.
 */
const pg = postgresForThisFile();
const s = storeWithTwoCounters(pg.url);
const today = () => formatBeijingDateTime(new Date()).slice(0, 10);
const storeViews = (day: string) =>
  [
    ['reports.storeDay', { day }],
    ['audit.store', { from: day, to: day }],
    ['shift.store', {}],
  ] as const;

beforeAll(() => s.start(), 180_000);
afterAll(() => s.stopAll());

describe('the store-wide views of a counter', () => {
  it('a counter cut off from its store is told so plainly by each store-wide view, and reads them again once back [R-RECON][R-KEEP][R-PHARMACIST]', async () => {
    const day = today();
    await s.cutOffCounter('A');
    const told = [];
    for (const [method, input] of storeViews(day)) told.push(await s.call('A', method, input));
    expect(told.map((r) => [r.ok, r.error?.code, r.error?.message])).toEqual([
      [false, 'CONFLICT', STORE_UNREACHABLE_DAY_REPORT],
      [false, 'CONFLICT', STORE_UNREACHABLE_AUDIT],
      [false, 'CONFLICT', STORE_UNREACHABLE_ON_DUTY],
    ]);

    await s.reconnectCounter('A');
    const report = await s.ok<StoreDayReport>('A', 'reports.storeDay', { day });
    expect(report.day).toBe(day);
    const trail = await s.ok<StoreAuditListView>('A', 'audit.store', { from: day, to: day });
    expect(trail.page).toBe(1);
    // Both counters' pharmacist opened a shift at sign-in: the store lists each counter.
    await expect
      .poll(
        async () =>
          (await s.ok<StoreOnDutyView>('A', 'shift.store', {})).shifts.map((x) => x.counterId),
        { timeout: 20_000 },
      )
      .toEqual(expect.arrayContaining(['A', 'B']));
  }, 60_000);

  it('a single counter is told its own 结算日报 and 审计日志 are the store’s [R-RECON][R-KEEP]', async () => {
    const single = await startHarness();
    try {
      const token = await signedInOnDuty(single, pharmacist as never);
      const day = today();
      const report = await single.api('reports.storeDay', { day }, token);
      expect([report.ok, report.error?.message]).toEqual([false, SINGLE_COUNTER_DAY_REPORT]);
      const trail = await single.api('audit.store', { from: day, to: day }, token);
      expect([trail.ok, trail.error?.message]).toEqual([false, SINGLE_COUNTER_AUDIT]);
    } finally {
      await single.close();
    }
  }, 60_000);
});
