import type { CDPSession, Page } from '@playwright/test';

/** ASCII GS, the GS1 separator: a keyboard-wedge scanner types it as Ctrl+]. */
export const GS = '\x1d';

/** The physical key (KeyboardEvent.code) a US-layout scanner presses for a character, and whether with Shift. */
export function physicalKey(ch: string): { code: string; shift: boolean } {
  if (/[a-z]/.test(ch)) return { code: `Key${ch.toUpperCase()}`, shift: false };
  if (/[A-Z]/.test(ch)) return { code: `Key${ch}`, shift: true };
  if (/[0-9]/.test(ch)) return { code: `Digit${ch}`, shift: false };
  const table: Record<string, { code: string; shift: boolean }> = {
    '-': { code: 'Minus', shift: false },
    _: { code: 'Minus', shift: true },
    '.': { code: 'Period', shift: false },
    '/': { code: 'Slash', shift: false },
    ':': { code: 'Semicolon', shift: true },
    '(': { code: 'Digit9', shift: true },
    ')': { code: 'Digit0', shift: true },
    '?': { code: 'Slash', shift: true },
    ']': { code: 'BracketRight', shift: false },
  };
  const key = table[ch];
  if (!key) throw new Error(`no physical key for ${ch}`);
  return key;
}

const VIRTUAL_KEYS: Record<string, number> = {
  Minus: 189,
  Period: 190,
  Slash: 191,
  Semicolon: 186,
  BracketRight: 221,
  Enter: 13,
  ShiftLeft: 16,
};

/** Windows virtual-key code of a physical key (what KeyboardEvent.keyCode reports). */
function virtualKey(code: string): number {
  if (/^Key[A-Z]$/.test(code)) return code.charCodeAt(3);
  if (/^Digit[0-9]$/.test(code)) return code.charCodeAt(5);
  const vk = VIRTUAL_KEYS[code];
  if (vk === undefined) throw new Error(`no virtual key for ${code}`);
  return vk;
}

type KeyEvent = Record<string, unknown> & { type: string };

const SHIFT = 8;
const CTRL = 2;

/** The key events a US-layout wedge scanner sends for one character. */
function keysOf(ch: string, ime: boolean): KeyEvent[] {
  if (ch === GS) {
    const ctrl = { key: 'Control', code: 'ControlLeft', windowsVirtualKeyCode: 17 };
    const bracket = {
      key: ']',
      code: 'BracketRight',
      windowsVirtualKeyCode: 221,
      modifiers: CTRL,
    };
    return [
      { type: 'rawKeyDown', ...ctrl, modifiers: CTRL },
      { type: 'rawKeyDown', ...bracket },
      { type: 'keyUp', ...bracket },
      { type: 'keyUp', ...ctrl },
    ];
  }
  const { code, shift } = physicalKey(ch);
  const modifiers = shift ? SHIFT : 0;
  const shiftKey = { key: 'Shift', code: 'ShiftLeft', windowsVirtualKeyCode: 16 };
  const key = ime
    ? { key: 'Process', code, windowsVirtualKeyCode: 229, nativeVirtualKeyCode: 229, modifiers }
    : { key: ch, code, windowsVirtualKeyCode: virtualKey(code), modifiers };
  const down = ime
    ? { type: 'rawKeyDown', ...key }
    : { type: 'keyDown', ...key, text: ch, unmodifiedText: ch };
  return [
    ...(shift ? [{ type: 'rawKeyDown', ...shiftKey, modifiers: SHIFT }] : []),
    down,
    { type: 'keyUp', ...key },
    ...(shift ? [{ type: 'keyUp', ...shiftKey }] : []),
  ];
}

const ENTER: KeyEvent[] = [
  { type: 'keyDown', key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 13, text: '\r' },
  { type: 'keyUp', key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 13 },
];

/** Enter under an IME: a raw key with no text (the IME is not composing). */
const IME_ENTER: KeyEvent[] = [
  {
    type: 'rawKeyDown',
    key: 'Enter',
    code: 'Enter',
    windowsVirtualKeyCode: 13,
    nativeVirtualKeyCode: 13,
  },
  {
    type: 'keyUp',
    key: 'Enter',
    code: 'Enter',
    windowsVirtualKeyCode: 13,
    nativeVirtualKeyCode: 13,
  },
];

/** Per physical key of a burst: the pace of a fast wedge scanner. */
const KEY_INTERVAL_MS = 2;

/**
 * Sends a whole burst the way a USB scanner's keys reach the browser: all queued at once, each
 * stamped KEY_INTERVAL_MS after the one before. Awaiting every key instead (Playwright's
 * keyboard.type) lets a busy page stretch the gap between the first two keys past the app's
 * 35 ms limit — a pause no scanner makes, which made the suites flaky on a loaded machine.
 */
async function sendBurst(
  cdp: CDPSession,
  events: KeyEvent[],
  perKeyMs = KEY_INTERVAL_MS,
): Promise<void> {
  const start = Date.now();
  let keyIndex = 0;
  const stamped = events.map((e) => {
    if (e.type !== 'keyUp') keyIndex += 1;
    return { ...e, timestamp: (start + keyIndex * perKeyMs) / 1000 };
  });
  await Promise.all(stamped.map((e) => cdp.send('Input.dispatchKeyEvent', e as never)));
}

const sessions = new WeakMap<Page, Promise<CDPSession>>();
function cdpOf(page: Page): Promise<CDPSession> {
  let s = sessions.get(page);
  if (!s) {
    s = page.context().newCDPSession(page);
    sessions.set(page, s);
  }
  return s;
}

/** Two animation frames: a burst typed while the page is still rendering arrives with human gaps. */
export async function nextFrames(page: Page): Promise<void> {
  await page.evaluate(
    () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
  );
}

/**
 * A keyboard-wedge scanner burst, then Enter, 2 ms per key (or `perKeyMs`: a slow scanner); capitals and shifted symbols with
 * Shift held around their key, GS as Ctrl+], as a scanner sends them.
 */
export async function scannerBurst(page: Page, text: string, perKeyMs?: number): Promise<void> {
  await nextFrames(page);
  await sendBurst(
    await cdpOf(page),
    [...[...text].flatMap((ch) => keysOf(ch, false)), ...ENTER],
    perKeyMs,
  );
}

/**
 * Types text the way a scanner does while a Chinese IME is on: every keydown arrives as
 * key 'Process' / keyCode 229 and only `code` tells which physical key it was. Sent through
 * the browser's own input pipeline (CDP Input.dispatchKeyEvent), not synthesised in the page.
 */
export async function imeBurst(page: Page, text: string): Promise<void> {
  await nextFrames(page);
  await sendBurst(await cdpOf(page), [
    ...[...text].flatMap((ch) => keysOf(ch, true)),
    ...IME_ENTER,
  ]);
}
