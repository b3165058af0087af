import { describe, expect, it } from 'vitest';
import { compareLayout, type ExpectedLayoutField } from '../../../src/domain/layout/compare';
import type { FoundValue } from '../../../src/domain/layout/find-fields';
import { comparable, sameDateTime, sameMasked } from '../../../src/domain/layout/normalise';

const at = (value: string): FoundValue => ({ value, label: 'x', page: 1, x: 0, y: 0 });

describe('layout value normalisation before comparison [R-LAYOUT]', () => {
  it('ignores full/half width, spaces inside numbers, 2盒 against 2 盒, × against *, commas in usage and radical code points [R-LAYOUT]', () => {
    expect(comparable('Ｈ２０２６ ０００１２３')).toBe(comparable('H2026000123'));
    expect(comparable('2 盒')).toBe(comparable('2盒'));
    expect(comparable('0.5g×20片')).toBe(comparable('0.5g*20片'));
    expect(comparable('口服，每次1片，每日一次，14天')).toBe(
      comparable('口服 每次1片 每日一次 14天'),
    );
    expect(comparable('⻔冬胰岛素')).toBe(comparable('门冬胰岛素'));
    expect(comparable('处⽅')).toBe(comparable('处方'));
    expect(comparable('3 盒')).not.toBe(comparable('2盒'));
    expect(comparable('H2026000124')).not.toBe(comparable('H2026000123'));
  });

  it('compares dates in any common format at the precision the layout prints [R-LAYOUT]', () => {
    const s = '2025-06-01 09:30:00';
    expect(sameDateTime('2025年06月01日 09:30', s)).toBe(true);
    expect(sameDateTime('2025/6/1 9:30:00', s)).toBe(true);
    expect(sameDateTime('2025-06-01', s)).toBe(true);
    expect(sameDateTime('2025年6月1日', s)).toBe(true);
    expect(sameDateTime('2025年06月02日 09:30', s)).toBe(false);
    expect(sameDateTime('2025-06-01 09:31', s)).toBe(false);
    expect(sameDateTime('2025-06-01 09:30:01', s)).toBe(false);
  });

  it('accepts a masked ID number or name only where every unmasked character agrees [R-LAYOUT]', () => {
    expect(sameMasked('500103********1238', '500103197803151238')).toBe(true);
    expect(sameMasked('500103＊＊＊＊＊＊＊＊1238', '500103197803151238')).toBe(true);
    expect(sameMasked('500103********1239', '500103197803151238')).toBe(false);
    expect(sameMasked('500103*******1238', '500103197803151238')).toBe(false);
    expect(sameMasked('张*', '张伟')).toBe(true);
    expect(sameMasked('李*', '张伟')).toBe(false);
  });

  it('gives three outcomes: a value not found is unread, never a mismatch nor a match [R-LAYOUT]', () => {
    const expected: ExpectedLayoutField[] = [
      { key: 'hiRxno', label: '医保处方编号', expected: 'H2026000123', group: 'rx', kind: 'text' },
      { key: 'quantity.1', label: '数量1', expected: '2盒', group: 'drugs', kind: 'text' },
      {
        key: 'certno',
        label: '证件号码',
        expected: '500103197803151238',
        group: 'patient',
        kind: 'idNumber',
      },
      { key: 'doctor', label: '开方医师', expected: '', group: 'prescriber', kind: 'text' },
    ];
    const found = new Map([
      ['hiRxno', at('H2026 000123')],
      ['quantity.1', at('3 盒')],
    ]);
    const verdicts = compareLayout(expected, found);
    expect(verdicts.map((v) => [v.key, v.outcome])).toEqual([
      ['hiRxno', 'matches'],
      ['quantity.1', 'differs'],
      ['certno', 'unread'],
    ]);
  });
});
