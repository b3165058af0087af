import { describe, expect, it } from 'vitest';
import { dualChannelAboveStandard } from '../../../src/domain/catalog/payment-standard';

const line = (over: Partial<Parameters<typeof dualChannelAboveStandard>[0][number]> = {}) => ({
  feedetlSn: '1-1',
  name: '恩格列净片',
  dualChannel: true,
  unitPriceFen: 5280,
  ...over,
});
const cut = (standardFen: number, overLimitFen = 0) => ({
  feedetlSn: '1-1',
  standardFen,
  overLimitFen,
});

describe('dual-channel price against the payment standard (pure)', () => {
  it('a dual-channel drug at or below its standard passes [R-PRICE]', () => {
    expect(dualChannelAboveStandard([line()], [cut(5280)])).toEqual([]);
    expect(dualChannelAboveStandard([line()], [cut(5300)])).toEqual([]);
  });

  it('a dual-channel drug above its standard is found, by price or by the excess the center split off [R-PRICE]', () => {
    expect(dualChannelAboveStandard([line({ unitPriceFen: 5530 })], [cut(5280)])).toEqual([
      { name: '恩格列净片', unitPriceFen: 5530, standardFen: 5280, overLimitFen: 0 },
    ]);
    expect(dualChannelAboveStandard([line()], [cut(5000, 280)])).toHaveLength(1);
  });

  it('other drugs, lines the center did not split and a standard of 0 (none given) are not this rule [R-PRICE]', () => {
    expect(dualChannelAboveStandard([line({ dualChannel: false })], [cut(5000, 280)])).toEqual([]);
    expect(dualChannelAboveStandard([line()], [])).toEqual([]);
    expect(dualChannelAboveStandard([line()], [cut(0)])).toEqual([]);
  });
});
