import type { Page } from '@playwright/test';
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

import { scannerBurst } from './scanner-keys';

export { GS, imeBurst, scannerBurst } from './scanner-keys';

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
