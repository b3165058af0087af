import { describe, expect, it } from 'vitest';
import { zeroFundExplanation } from '../../../src/domain/settlement/fund-explanation';

const base = { totalFen: 2650, deductibleFen: 2650, inScopeFen: 2650, centerProcess: [] };

describe('why the fund pays 0.00', () => {
  it('says nothing when the fund pays [R-SETTLE]', () => {
    expect(zeroFundExplanation({ ...base, fundFen: 1 })).toBeNull();
  });

  it('names the deductible and the center’s own 起付线 and ratio [R-SETTLE]', () => {
    const text = zeroFundExplanation({
      ...base,
      fundFen: 0,
      centerProcess: ['起付线 200.00 元（本次计入 26.50，剩余 173.50）；支付比例 50%'],
    });
    expect(text).toContain('26.50 元计入起付线');
    expect(text).toContain('支付比例 50%');
  });

  it('a bill with nothing inside the catalog says so instead [R-NONCOVERED]', () => {
    expect(zeroFundExplanation({ ...base, fundFen: 0, inScopeFen: 0, deductibleFen: 0 })).toContain(
      '没有医保目录内可报销的部分',
    );
  });
});
