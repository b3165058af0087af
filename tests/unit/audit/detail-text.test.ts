import { describe, expect, it } from 'vitest';
import { detailText } from '../../../src/renderer/audit/detail-text';

describe('an audit entry’s detail as the inspector reads it', () => {
  it('names nested lines field by field in Chinese instead of raw JSON [R-KEEP]', () => {
    const text = detailText({
      lines: [
        { medListCodg: 'XR06AXL020A001010101672', packs: 1 },
        { medListCodg: 'XC08CAA010A001010201587', packs: 2 },
      ],
      saleId: 2,
      totalFen: 1820,
    });
    expect(text).toBe(
      '明细：（药品编码：XR06AXL020A001010101672，盒数：1）、（药品编码：XC08CAA010A001010201587，盒数：2）；销售号：2；金额(分)：1820',
    );
    expect(text).not.toContain('{');
  });

  it('keeps a refusal’s message with its rule and yes/no in words [R-KEEP]', () => {
    expect(detailText({ error: { message: '不能结算', ruleId: 'R-SETTLE' }, ok: false })).toBe(
      '错误：不能结算（R-SETTLE）；完整：否',
    );
  });
});
