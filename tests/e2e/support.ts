import type { CDPSession, Page } from '@playwright/test';
import { expect } from '@playwright/test';

export const appUrl = (): string => {
  const url = process.env.E2E_BASE_URL;
  if (!url) throw new Error('E2E_BASE_URL missing: global setup did not run');
  return url;
};

export async function login(page: Page, username: string, password: string): Promise<void> {
  await page.goto(appUrl());
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-password').press('Enter');
  await expect(page.getByTestId('staff-name')).toBeVisible();
}

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

/**
 * Types text the way a scanner does while a Chinese IME is on: every keydown arrives as
 * key 'Process' / keyCode 229 and only `code` tells which physical key it was. Sent through
 * the browser's own input pipeline (CDP Input.dispatchKeyEvent), not synthesised in the page.
 */
export async function imeBurst(cdp: CDPSession, text: string): Promise<void> {
  for (const ch of text) {
    const { code, shift } = physicalKey(ch);
    const modifiers = shift ? 8 : 0;
    await cdp.send('Input.dispatchKeyEvent', {
      type: 'rawKeyDown',
      key: 'Process',
      code,
      windowsVirtualKeyCode: 229,
      nativeVirtualKeyCode: 229,
      modifiers,
    });
    await cdp.send('Input.dispatchKeyEvent', {
      type: 'keyUp',
      key: 'Process',
      code,
      windowsVirtualKeyCode: 229,
      nativeVirtualKeyCode: 229,
      modifiers,
    });
  }
  await cdp.send('Input.dispatchKeyEvent', {
    type: 'rawKeyDown',
    key: 'Enter',
    code: 'Enter',
    windowsVirtualKeyCode: 13,
    nativeVirtualKeyCode: 13,
  });
  await cdp.send('Input.dispatchKeyEvent', {
    type: 'keyUp',
    key: 'Enter',
    code: 'Enter',
    windowsVirtualKeyCode: 13,
    nativeVirtualKeyCode: 13,
  });
}

/** Two animation frames: a burst typed while the page is still rendering arrives with human gaps. */
export async function nextFrames(page: Page): Promise<void> {
  await page.evaluate(
    () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
  );
}

/** ASCII GS, the GS1 separator: a keyboard-wedge scanner types it as Ctrl+]. */
export const GS = '\x1d';

/**
 * A keyboard-wedge scanner burst, then Enter: 2 ms per key; with capitals or shifted symbols,
 * each physical key with Shift held as a scanner does (Playwright's type() sends no Shift).
 */
export async function scannerBurst(page: Page, text: string): Promise<void> {
  await nextFrames(page);
  if ([...text].every((ch) => ch !== GS && !physicalKey(ch).shift)) {
    await page.keyboard.type(text, { delay: 2 });
    await page.keyboard.press('Enter');
    return;
  }
  for (const ch of text) {
    if (ch === GS) {
      await page.keyboard.press('Control+BracketRight');
      continue;
    }
    const { code, shift } = physicalKey(ch);
    if (shift) await page.keyboard.down('Shift');
    await page.keyboard.press(code);
    if (shift) await page.keyboard.up('Shift');
  }
  await page.keyboard.press('Enter');
}

/**
 * Scans until the app shows it took the scan. Under CPU load the browser can stamp the first keys
 * of a burst more than maxInterKeyMs apart, so the first key reads as typing and the scan arrives
 * cut; a cashier simply scans again, and so does the test.
 */
export async function scanUntil(
  page: Page,
  text: string,
  arrived: () => Promise<void>,
): Promise<void> {
  await expect(async () => {
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await scannerBurst(page, text);
    await arrived();
  }).toPass({ timeout: 60_000, intervals: [500] });
}

/** POST/GET on the sandbox center's control routes (faults, read-outs). */
export async function sandboxCall<T>(path: string, body?: unknown): Promise<T> {
  const base = process.env.E2E_SANDBOX_URL;
  if (!base) throw new Error('E2E_SANDBOX_URL missing: global setup did not run');
  const res = await fetch(`${base}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!res.ok) throw new Error(`sandbox ${path}: HTTP ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}
