import { describe, expect, it } from 'vitest';
import type { StoreOnDutyView } from '../../../src/contract/types-review';
import type { StoreDayTotals } from '../../../src/contract/types-store-settlements';
import { tabAt, tabsFor } from '../../../src/renderer/reports/report-tabs';
import { storeDayRows, storeDaySummary } from '../../../src/renderer/reports/store-day-rows';
import { onDutyRows } from '../../../src/renderer/shift/on-duty-rows';

const totals = (over: Partial<StoreDayTotals>): StoreDayTotals => ({
  settlements: 0,
  refunds: 0,
  medfeeFen: 0,
  fundFen: 0,
  acctFen: 0,
  cashFen: 0,
  cashSales: 0,
  cashSalesFen: 0,
  ...over,
});

describe('全店 view of the reports screen', () => {
  it('lists every counter in id order, then the store total as the store server summed it [R-RECON]', () => {
    const report = {
      day: '2026-12-07',
      counters: [
        { counterId: 'B', ...totals({ cashSales: 1, cashSalesFen: 1250 }) },
        {
          counterId: 'A',
          ...totals({
            settlements: 2,
            refunds: 1,
            medfeeFen: 8000,
            fundFen: 5000,
            acctFen: 2000,
            cashFen: 1000,
          }),
        },
      ],
      // Deliberately not the sum of the counters: the screen shows the store's own figure.
      store: totals({
        settlements: 2,
        refunds: 1,
        medfeeFen: 8000,
        fundFen: 5000,
        acctFen: 2000,
        cashFen: 1000,
        cashSales: 3,
        cashSalesFen: 3750,
      }),
    };
    const rows = storeDayRows(report);
    expect(rows.map((r) => r.label)).toEqual(['柜台 A', '柜台 B', '全店合计']);
    expect(rows[0]).toMatchObject({
      settlements: 2,
      refunds: 1,
      fund: '¥50.00',
      acct: '¥20.00',
      cash: '¥10.00',
      medfee: '¥80.00',
    });
    expect(rows[1]).toMatchObject({ counter: 'B', cashSales: 1, cashSalesAmount: '¥12.50' });
    expect(rows[2]).toMatchObject({ counter: null, cashSales: 3, cashSalesAmount: '¥37.50' });
    expect(storeDaySummary(report)).toBe(
      '2026-12-07 全店：2 个柜台，医保结算 2 笔，退费 1 笔，自费零售 3 笔',
    );
    expect(storeDaySummary({ ...report, counters: [], store: totals({}) })).toBe(
      '2026-12-07 全店：当日没有结算、退费或自费零售',
    );
  });

  it('marks a pharmacist on duty at two counters as a note, by counter then name [R-PHARMACIST]', () => {
    const view: StoreOnDutyView = {
      message: '',
      shifts: [
        {
          counterId: 'B',
          pharmacistName: '张敏',
          pharmacistCode: 'Y1',
          openedAt: '2026-12-07 09:00:00',
          atCounters: 2,
        },
        {
          counterId: 'A',
          pharmacistName: '李华',
          pharmacistCode: 'Y2',
          openedAt: '2026-12-07 08:00:00',
          atCounters: 1,
        },
        {
          counterId: 'A',
          pharmacistName: '张敏',
          pharmacistCode: 'Y1',
          openedAt: '2026-12-07 08:30:00',
          atCounters: 2,
        },
      ],
    };
    expect(onDutyRows(view).map((r) => [r.counter, r.name, r.note])).toEqual([
      ['柜台 A', '张敏', '同时在 2 个柜台在岗'],
      ['柜台 A', '李华', ''],
      ['柜台 B', '张敏', '同时在 2 个柜台在岗'],
    ]);
  });

  it('a single counter has no 全店 tab; a counter of a store reaches it with key 6 [R-RECON]', () => {
    expect(tabsFor(false).map((t) => t.id)).not.toContain('store');
    expect(tabAt(6, false)).toBeNull();
    expect(tabAt(6, true)).toBe('store');
    expect(tabAt(1, true)).toBe('settlements-daily');
  });
});
