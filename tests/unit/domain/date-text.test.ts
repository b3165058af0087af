import { describe, expect, it } from 'vitest';
import { dateTyping, isCalendarDate } from '../../../src/domain/date-text';

describe('dates typed at the counter', () => {
  it('puts the dashes into digits typed in a row, and reads / and . as dashes [R-KEEP]', () => {
    expect(dateTyping('2026')).toBe('2026');
    expect(dateTyping('202612')).toBe('2026-12');
    expect(dateTyping('20261201')).toBe('2026-12-01');
    expect(dateTyping('202612019')).toBe('2026-12-01');
    expect(dateTyping('2026/12/01')).toBe('2026-12-01');
    expect(dateTyping('2026.1.5')).toBe('2026-1-5');
    expect(dateTyping('2026-12-01')).toBe('2026-12-01');
    // typed one key at a time, each value fed back into the field
    let typed = '';
    for (const key of '20261207') typed = dateTyping(typed + key);
    expect(typed).toBe('2026-12-07');
    expect(dateTyping('2026-12-')).toBe('2026-12');
    expect(dateTyping('x2026年12月')).toBe('2026-12');
  });

  it('accepts only real calendar days written yyyy-mm-dd [R-KEEP]', () => {
    expect(isCalendarDate('2026-12-01')).toBe(true);
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2026-13-01')).toBe(false);
    expect(isCalendarDate('2026-1-5')).toBe(false);
    expect(isCalendarDate('20261201')).toBe(false);
  });
});
