import type { ScanKeyInput } from '../../../src/domain/scan/burst-detector';

/** The US-layout physical key and Shift that type `ch`, as a keyboard-wedge scanner sends it. */
export function keyFor(ch: string): { code: string; shiftKey: boolean } {
  if (/^[a-z]$/.test(ch)) return { code: `Key${ch.toUpperCase()}`, shiftKey: false };
  if (/^[A-Z]$/.test(ch)) return { code: `Key${ch}`, shiftKey: true };
  if (/^[0-9]$/.test(ch)) return { code: `Digit${ch}`, shiftKey: false };
  const sym: Record<string, [string, boolean]> = {
    '-': ['Minus', false],
    _: ['Minus', true],
    '=': ['Equal', false],
    '+': ['Equal', true],
    '[': ['BracketLeft', false],
    '{': ['BracketLeft', true],
    ']': ['BracketRight', false],
    '}': ['BracketRight', true],
    '\\': ['Backslash', false],
    '|': ['Backslash', true],
    ';': ['Semicolon', false],
    ':': ['Semicolon', true],
    "'": ['Quote', false],
    '"': ['Quote', true],
    ',': ['Comma', false],
    '<': ['Comma', true],
    '.': ['Period', false],
    '>': ['Period', true],
    '/': ['Slash', false],
    '?': ['Slash', true],
    '`': ['Backquote', false],
    '~': ['Backquote', true],
    ' ': ['Space', false],
    '!': ['Digit1', true],
    '@': ['Digit2', true],
    '#': ['Digit3', true],
    $: ['Digit4', true],
    '%': ['Digit5', true],
    '^': ['Digit6', true],
    '&': ['Digit7', true],
    '*': ['Digit8', true],
    '(': ['Digit9', true],
    ')': ['Digit0', true],
  };
  const s = sym[ch];
  if (!s) throw new Error(`no US key for ${JSON.stringify(ch)}`);
  return { code: s[0], shiftKey: s[1] };
}

/** Keydowns of `text` typed `perKeyMs` apart from `start`, then a terminator (unless null). */
export function typed(
  text: string,
  perKeyMs: number,
  start = 1000,
  terminator: string | null = 'Enter',
): ScanKeyInput[] {
  const events: ScanKeyInput[] = [...text].map((ch, i) => ({
    ...keyFor(ch),
    timeStamp: start + i * perKeyMs,
  }));
  if (terminator)
    events.push({ code: terminator, shiftKey: false, timeStamp: start + text.length * perKeyMs });
  return events;
}
