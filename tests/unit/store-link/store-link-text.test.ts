import { describe, expect, it } from 'vitest';
import { storeLinkChip } from '../../../src/renderer/store-link/store-link-text';

describe('the top bar says which mode the counter is in', () => {
  it('a counter of a store says plainly when its store server does not answer [R-TRACE-ONCE]', () => {
    const base = { mode: 'counter', counterId: 'C2', lastAnswerAt: null, message: '' } as const;
    expect(storeLinkChip({ ...base, reachable: true }, null)).toEqual({
      color: 'success',
      text: '门店柜台 C2 · 门店服务器已连接',
    });
    expect(storeLinkChip({ ...base, reachable: false }, null)).toEqual({
      color: 'error',
      text: '门店柜台 C2 · 门店服务器无法连接，暂不能接受新的追溯码',
    });
    expect(storeLinkChip(null, '网络中断').color).toBe('error');
    expect(storeLinkChip({ mode: 'single', message: '' }, null).text).toBe('单柜台模式');
  });
});
