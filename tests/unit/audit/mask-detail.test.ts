import { describe, expect, it } from 'vitest';
import { maskDetail, maskFreeText } from '../../../src/domain/audit/mask-detail';

describe('audit detail masking', () => {
  it('ID and mobile numbers inside free text are masked; codes inside longer identifiers are not [R-KEEP]', () => {
    expect(maskFreeText('参保人 500103199001011234 电话 13812345678')).toBe(
      '参保人 5001**********1234 电话 138****5678',
    );
    expect(maskFreeText('身份证 50010319900101123X 不符')).toBe('身份证 5001**********123X 不符');
    expect(maskFreeText('H5001031990010112340001')).toBe('H5001031990010112340001');
  });

  it('details keep plain JSON only, masked, bounded [R-KEEP]', () => {
    const d = maskDetail({
      reason: '退 500103199001011234',
      n: Number.NaN,
      skip: undefined,
      nested: { list: ['13812345678'] },
    });
    expect(d).toEqual({
      reason: '退 5001**********1234',
      n: null,
      nested: { list: ['138****5678'] },
    });
    expect(String(maskDetail({ long: 'x'.repeat(900) }).long)).toHaveLength(500);
  });
});
