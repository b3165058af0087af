import { describe, expect, it } from 'vitest';
import { storeLinkChip, storeOwedTags } from '../../../src/renderer/store-link/store-link-text';

describe('the top bar says which mode the counter is in', () => {
  it('a counter of a store says plainly when its store server does not answer [R-TRACE-ONCE]', () => {
    const base = {
      mode: 'counter',
      counterId: 'C2',
      lastAnswerAt: null,
      message: '',
      owed: { pending: 0, unconfirmedCodes: 0, clashes: 0 },
    } as const;
    expect(storeLinkChip({ ...base, reachable: true }, null)).toEqual({
      color: 'success',
      text: '柜台 C2 · 门店已连接',
    });
    expect(storeLinkChip({ ...base, reachable: false }, null)).toEqual({
      color: 'error',
      text: '柜台 C2 · 门店离线，暂停新追溯码',
    });
    expect(storeLinkChip(null, '网络中断').color).toBe('error');
    expect(storeLinkChip({ mode: 'single', message: '' }, null).text).toBe('单柜台模式');
  });

  it('a counter of a store shows packs sold offline until the store confirms them, and clashes for the pharmacist [R-TRACE-ONCE]', () => {
    const link = {
      mode: 'counter',
      counterId: 'A',
      lastAnswerAt: null,
      message: '',
      reachable: true,
      owed: { pending: 1, unconfirmedCodes: 2, clashes: 1 },
    } as const;
    expect(storeOwedTags(link)).toEqual([
      { kind: 'unconfirmed', color: 'warning', text: '离线售出 2 码待确认' },
      { kind: 'clashes', color: 'error', text: '离线零售待核实 1 个' },
    ]);
    expect(
      storeOwedTags({ ...link, owed: { pending: 0, unconfirmedCodes: 0, clashes: 0 } }),
    ).toEqual([]);
    expect(storeOwedTags({ mode: 'single', message: '' })).toEqual([]);
  });
});
