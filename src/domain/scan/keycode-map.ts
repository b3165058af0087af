/**
 * Physical key (KeyboardEvent.code, US layout) plus Shift → the character a keyboard-wedge
 * scanner meant to type. Deliberately ignores KeyboardEvent.key, CapsLock and the OS layout:
 * a Chinese IME reports key 'Process', a French layout swaps A/Q, CapsLock flips case — none of
 * these change the physical key or the Shift the scanner pressed.
 */

/** [unshifted, shifted] for the keys of the main block. */
const MAIN_BLOCK: Readonly<Record<string, readonly [string, string]>> = {
  Digit1: ['1', '!'],
  Digit2: ['2', '@'],
  Digit3: ['3', '#'],
  Digit4: ['4', '$'],
  Digit5: ['5', '%'],
  Digit6: ['6', '^'],
  Digit7: ['7', '&'],
  Digit8: ['8', '*'],
  Digit9: ['9', '('],
  Digit0: ['0', ')'],
  Minus: ['-', '_'],
  Equal: ['=', '+'],
  BracketLeft: ['[', '{'],
  BracketRight: [']', '}'],
  Backslash: ['\\', '|'],
  Semicolon: [';', ':'],
  Quote: ["'", '"'],
  Comma: [',', '<'],
  Period: ['.', '>'],
  Slash: ['/', '?'],
  Backquote: ['`', '~'],
  Space: [' ', ' '],
};

/** The numeric keypad types the same character with or without Shift. */
const NUMPAD: Readonly<Record<string, string>> = {
  Numpad0: '0',
  Numpad1: '1',
  Numpad2: '2',
  Numpad3: '3',
  Numpad4: '4',
  Numpad5: '5',
  Numpad6: '6',
  Numpad7: '7',
  Numpad8: '8',
  Numpad9: '9',
  NumpadDecimal: '.',
  NumpadComma: ',',
  NumpadAdd: '+',
  NumpadSubtract: '-',
  NumpadMultiply: '*',
  NumpadDivide: '/',
  NumpadEqual: '=',
};

/** Keys that end a scan. */
export const TERMINATOR_CODES: ReadonlySet<string> = new Set(['Enter', 'NumpadEnter', 'Tab']);

/** Keys that only modify others; a scanner presses Shift around capitals, never alone. */
export const MODIFIER_CODES: ReadonlySet<string> = new Set([
  'ShiftLeft',
  'ShiftRight',
  'ControlLeft',
  'ControlRight',
  'AltLeft',
  'AltRight',
  'MetaLeft',
  'MetaRight',
  'CapsLock',
  'NumLock',
  'ScrollLock',
  'Fn',
  'FnLock',
]);

/** The character for a physical key, or null when the key types nothing printable. */
export function decodeKey(code: string, shiftKey: boolean): string | null {
  if (code.length === 4 && code.startsWith('Key')) {
    const letter = code.charAt(3);
    if (letter >= 'A' && letter <= 'Z') return shiftKey ? letter : letter.toLowerCase();
    return null;
  }
  const main = Object.hasOwn(MAIN_BLOCK, code) ? MAIN_BLOCK[code] : undefined;
  if (main) return shiftKey ? main[1] : main[0];
  return Object.hasOwn(NUMPAD, code) ? (NUMPAD[code] ?? null) : null;
}

/** ASCII GS (0x1D): the FNC1 separator of GS1 element strings. */
export const GS = '\x1d';

/**
 * Control characters a keyboard-wedge scanner types as Ctrl + a key (the ASCII control-key
 * convention): GS is Ctrl+]. Only GS occurs in drug codes; other control keys stay undecoded.
 */
const CONTROL_KEYS: Readonly<Record<string, string>> = { BracketRight: GS };

/** The control character for Ctrl + a physical key, or null. */
export function decodeControlKey(code: string): string | null {
  return Object.hasOwn(CONTROL_KEYS, code) ? (CONTROL_KEYS[code] ?? null) : null;
}

/** Numpad digit of an Alt+numpad character code (Windows "Alt+029" sends GS), or null. */
export function numpadDigit(code: string): string | null {
  return /^Numpad[0-9]$/.test(code) ? code.charAt(6) : null;
}

export function isTerminatorCode(code: string): boolean {
  return TERMINATOR_CODES.has(code);
}

export function isModifierCode(code: string): boolean {
  return MODIFIER_CODES.has(code);
}
