/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import {
  chordOf,
  FUNCTION_KEYS,
  type FunctionKey,
  LOGOUT_KEY,
} from '../../../src/renderer/keyboard/function-keys';

/** Every key table of every screen: a new `*-keys.ts` table is checked without being listed here. */
const KEY_MODULES: Record<string, Record<string, unknown>> = import.meta.glob(
  '../../../src/renderer/**/*-keys.ts',
  { eager: true },
);

function isKeyTable(value: unknown): value is readonly FunctionKey[] {
  return (
    Array.isArray(value) &&
    value.length > 0 &&
    value.every((row) => typeof row === 'object' && row !== null && 'key' in row && 'label' in row)
  );
}

const KEY_TABLES = Object.entries(KEY_MODULES).flatMap(([file, exports]) =>
  Object.entries(exports)
    .filter(([, value]) => isKeyTable(value))
    .map(([name, value]) => ({ file, name, rows: value as readonly FunctionKey[] })),
);

const ALL_KEYS: readonly FunctionKey[] = KEY_TABLES.flatMap((table) => table.rows);

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
  it('reads every screen key table, including the complaint register [ARCH][issue19-6]', () => {
    const names = KEY_TABLES.map((t) => t.name);
    expect(names).toEqual(
      expect.arrayContaining(['FUNCTION_KEYS', 'COMPLAINT_KEYS', 'PAPER_KEYS']),
    );
    expect(ALL_KEYS.length).toBeGreaterThan(FUNCTION_KEYS.length);
  });

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
