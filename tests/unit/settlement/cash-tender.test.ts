import { describe, expect, it } from 'vitest';
import { cashTender } from '../../../src/domain/settlement/cash-tender';

describe('实收/找零 of the cash part', () => {
  it('gives change in fen from a typed yuan amount [R-SETTLE]', () => {
    expect(cashTender(5_230, '100')).toEqual({ ok: true, tenderedFen: 10_000, changeFen: 4_770 });
    expect(cashTender(5_230, '52.3')).toEqual({ ok: true, tenderedFen: 5_230, changeFen: 0 });
    expect(cashTender(5_235, ' 60.05 ')).toEqual({ ok: true, tenderedFen: 6_005, changeFen: 770 });
  });

  it('refuses less than the amount due, saying how much is missing [R-SETTLE]', () => {
    const r = cashTender(5_230, '50');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toBe('实收不足：应收 52.30 元，还差 2.30 元');
  });

  it('refuses text that is not an amount in yuan [R-SETTLE]', () => {
    for (const typed of ['', 'abc', '10.555', '-5', '1e3', '１００']) {
      expect(cashTender(100, typed).ok, typed).toBe(false);
    }
  });
});
