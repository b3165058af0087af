import { describe, expect, it } from 'vitest';
import { decodeKey, isModifierCode, isTerminatorCode } from '../../../src/domain/scan/keycode-map';
import { keyFor } from './keys';

describe('keycode map (physical key + Shift → character)', () => {
  it('decodes letters by Shift only: lower without, upper with [ARCH]', () => {
    expect(decodeKey('KeyA', false)).toBe('a');
    expect(decodeKey('KeyA', true)).toBe('A');
    expect(decodeKey('KeyZ', false)).toBe('z');
    expect(decodeKey('KeyZ', true)).toBe('Z');
  });

  it('decodes the digit row with and without Shift [ARCH]', () => {
    expect([...'1234567890'].map((d) => decodeKey(`Digit${d}`, false)).join('')).toBe('1234567890');
    expect([...'1234567890'].map((d) => decodeKey(`Digit${d}`, true)).join('')).toBe('!@#$%^&*()');
  });

  it('decodes the US symbol keys and their shifted forms, keeping "-" [ARCH]', () => {
    const cases: Array<[string, string, string]> = [
      ['Minus', '-', '_'],
      ['Equal', '=', '+'],
      ['BracketLeft', '[', '{'],
      ['BracketRight', ']', '}'],
      ['Backslash', '\\', '|'],
      ['Semicolon', ';', ':'],
      ['Quote', "'", '"'],
      ['Comma', ',', '<'],
      ['Period', '.', '>'],
      ['Slash', '/', '?'],
      ['Backquote', '`', '~'],
      ['Space', ' ', ' '],
    ];
    for (const [code, plain, shifted] of cases) {
      expect(decodeKey(code, false), code).toBe(plain);
      expect(decodeKey(code, true), `Shift+${code}`).toBe(shifted);
    }
  });

  it('decodes the numeric keypad the same with or without Shift [ARCH]', () => {
    for (let d = 0; d <= 9; d++) {
      expect(decodeKey(`Numpad${d}`, false)).toBe(String(d));
      expect(decodeKey(`Numpad${d}`, true)).toBe(String(d));
    }
    expect(decodeKey('NumpadDecimal', false)).toBe('.');
    expect(decodeKey('NumpadSubtract', false)).toBe('-');
    expect(decodeKey('NumpadAdd', false)).toBe('+');
    expect(decodeKey('NumpadMultiply', false)).toBe('*');
    expect(decodeKey('NumpadDivide', false)).toBe('/');
  });

  it('answers null for keys that type nothing, and for look-alike codes [ARCH]', () => {
    for (const code of [
      'F1',
      'Escape',
      'Backspace',
      'ArrowUp',
      'Enter',
      'Tab',
      'Unidentified',
      '',
      'Key',
      'KeyAA',
      'Keya',
      'Digit',
      'toString',
      '__proto__',
    ]) {
      expect(decodeKey(code, false), code).toBeNull();
    }
  });

  it('knows terminators and modifiers [ARCH]', () => {
    expect(['Enter', 'NumpadEnter', 'Tab'].every(isTerminatorCode)).toBe(true);
    expect(isTerminatorCode('KeyA')).toBe(false);
    expect(
      ['ShiftLeft', 'ShiftRight', 'CapsLock', 'ControlLeft', 'AltRight', 'MetaLeft'].every(
        isModifierCode,
      ),
    ).toBe(true);
    expect(isModifierCode('KeyA')).toBe(false);
  });

  it('round-trips every printable ASCII character through the US layout [ARCH]', () => {
    for (let c = 0x20; c <= 0x7e; c++) {
      const ch = String.fromCharCode(c);
      const k = keyFor(ch);
      expect(decodeKey(k.code, k.shiftKey), JSON.stringify(ch)).toBe(ch);
    }
  });
});
