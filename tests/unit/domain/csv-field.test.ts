import { describe, expect, it } from 'vitest';
import { csvField } from '../../../src/domain/csv-field';

describe('a CSV field a spreadsheet cannot evaluate', () => {
  it('prefixes text a spreadsheet would run as a formula with an apostrophe', () => {
    expect(csvField('=HYPERLINK("http://x.example","点我")')).toBe(
      `"'=HYPERLINK(""http://x.example"",""点我"")"`,
    );
    for (const start of ['+', '-', '@', '\t']) {
      expect(csvField(`${start}cmd|' /C calc'!A0`)).toBe(`'${start}cmd|' /C calc'!A0`);
    }
  });

  it('keeps numbers, dates and ordinary Chinese text as they are, quoting per RFC 4180', () => {
    expect(csvField('-12.50')).toBe('-12.50');
    expect(csvField(-3)).toBe('-3');
    expect(csvField('2026-12-07')).toBe('2026-12-07');
    expect(csvField('张医生')).toBe('张医生');
    expect(csvField('阿莫西林,0.25g')).toBe('"阿莫西林,0.25g"');
  });
});
