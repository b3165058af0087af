import { describe, expect, it } from 'vitest';
import { AUDIT_KEYS } from '../../../src/renderer/audit/audit-keys';
import {
  chordOf,
  FUNCTION_KEYS,
  type FunctionKey,
  LOGOUT_KEY,
} from '../../../src/renderer/keyboard/function-keys';
import { PAPER_KEYS } from '../../../src/renderer/paper/paper-keys';
import { PUBLIC_KEYS } from '../../../src/renderer/publicinfo/public-keys';
import { REPORT_KEYS } from '../../../src/renderer/reports/report-keys';
import { RISK_KEYS } from '../../../src/renderer/risk/risk-keys';
import { STOCK_KEYS } from '../../../src/renderer/stock/stock-keys';

const ALL_KEYS: readonly FunctionKey[] = [
  ...FUNCTION_KEYS,
  ...PAPER_KEYS,
  ...STOCK_KEYS,
  ...RISK_KEYS,
  ...REPORT_KEYS,
  ...PUBLIC_KEYS,
  ...AUDIT_KEYS,
];

/** The single chords a table row names: 'Alt+7 / Alt+8 / Alt+9', 'Alt+1…5', '↑ ↓' are several. */
function chordsOf(key: string): string[] {
  return key
    .split(/ \/ | (?=[↑↓])/)
    .flatMap((part) => {
      const range = /^(.*?)(\d)…(\d)$/.exec(part);
      if (!range) return [part.trim()];
      const [, prefix, from, to] = range;
      const out: string[] = [];
      for (let d = Number(from); d <= Number(to); d++) out.push(`${prefix}${d}`);
      return out;
    })
    .filter((c) => c !== '');
}

describe('function keys: one meaning per key across the app', () => {
  it('no key or chord has two meanings, on any screen [ARCH][issue19-6]', () => {
    const meanings = new Map<string, Set<string>>();
    for (const row of ALL_KEYS) {
      for (const chord of chordsOf(row.key)) {
        const seen = meanings.get(chord) ?? new Set<string>();
        seen.add(row.label);
        meanings.set(chord, seen);
      }
    }
    const twoMeanings = [...meanings].filter(([, labels]) => labels.size > 1);
    expect(twoMeanings.map(([chord, labels]) => `${chord}: ${[...labels].join(' / ')}`)).toEqual(
      [],
    );
    expect(meanings.get('F9')).toEqual(new Set(['完成调剂']));
  });

  it('log-out has its own chord, shown in the F1 help, and no function key logs out [ARCH][issue19-6]', () => {
    const logout = ALL_KEYS.filter((k) => k.label === '退出登录');
    expect(logout.map((k) => k.key)).toEqual([LOGOUT_KEY]);
    expect(LOGOUT_KEY).toBe('Ctrl+Shift+L');
    expect(logout[0]?.help).toContain('确认');
    expect(logout[0]?.screens).toBeUndefined();
  });

  it('names a key event the way the table does [ARCH][issue19-6]', () => {
    const ev = { ctrlKey: false, altKey: false, shiftKey: false, metaKey: false };
    expect(chordOf({ ...ev, code: 'F5' })).toBe('F5');
    expect(chordOf({ ...ev, code: 'F5', shiftKey: true })).toBe('Shift+F5');
    expect(chordOf({ ...ev, code: 'KeyL', ctrlKey: true, shiftKey: true })).toBe(LOGOUT_KEY);
    expect(chordOf({ ...ev, code: 'KeyZ', altKey: true })).toBe('Alt+Z');
    for (const row of FUNCTION_KEYS) expect(chordsOf(row.key).length).toBeGreaterThan(0);
  });
});
