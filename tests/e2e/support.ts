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
