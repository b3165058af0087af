import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { SANDBOX_CA_FILE } from '../../src/services/config';
import { centerFileFor } from '../support/setup-harness';

/**
 * The first-run wizard (issue 14.1) on its own counter: an empty data folder started with
 * EPC_MODE=setup on its own port, configured for the global set-up's sandbox center as if it
 * were the real one, ending at the log-in where the new administrator signs in.
 */
let child: ChildProcess;
let dir: string;
let url: string;

test.beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'epc-e2e-setup-'));
  const sandboxUrl = process.env.E2E_SANDBOX_URL ?? '';
  writeFileSync(path.join(dir, 'center.json'), JSON.stringify(centerFileFor(sandboxUrl), null, 2));
  child = spawn(process.execPath, ['--import', 'tsx', 'src/host/main.ts'], {
    cwd: path.resolve(import.meta.dirname, '../..'),
    env: { ...process.env, PORT: '0', EPC_MODE: 'setup', EPC_DATA_DIR: path.join(dir, 'app') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /BROWSER_READY (\S+)/.exec(out);
      if (m?.[1]) resolve(m[1]);
    });
    child.stderr?.on('data', (c: Buffer) => {
      out += c.toString();
    });
    child.once('exit', (code) => reject(new Error(`set-up counter exited ${code}: ${out}`)));
  });
});

test.afterAll(() => {
  child?.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
});

const shot = (page: Page, name: string) =>
  page.screenshot({ path: `test-results/screens/setup-${name}-1366.png` });

test('an empty data folder walks the wizard against the center, then the new administrator logs in; no demo account exists [R-CENTER][R-KEEP][R-REGION]', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(url);
  await expect(page.getByTestId('setup-choose')).toBeVisible();
  await expect(page.getByTestId('setup-real')).toBeFocused();
  await shot(page, '1-choose');
  await page.keyboard.press('Enter');

  await expect(page.getByTestId('setup-import')).toBeVisible();
  await page.getByTestId('setup-config-file').setInputFiles(path.join(dir, 'center.json'));
  await page.getByTestId('setup-ca-files').setInputFiles(SANDBOX_CA_FILE);
  await page.getByTestId('setup-import-submit').click();
  const summary = page.getByTestId('setup-summary');
  await expect(summary).toContainText('沙箱示范大药房（渝中店）');
  await expect(summary).toContainText('重庆市');
  await expect(summary).toContainText('此后不再显示');
  await expect(page.locator('body')).not.toContainText('36E81734FC24CE2F183806B2A46DAB99');
  await shot(page, '2-imported');
  await page.keyboard.press('Enter');

  await expect(page.getByTestId('setup-connection')).toBeVisible();
  await expect(page.getByTestId('setup-connection-next')).toBeFocused();
  await page.keyboard.press('Enter');
  for (const step of ['fsi', 'epc', 'ca', 'crl']) {
    await expect(page.getByTestId(`setup-check-${step}`)).toHaveAttribute('data-ok', 'true');
  }
  await shot(page, '3-connection');
  await page.keyboard.press('Enter');

  await expect(page.getByTestId('setup-admin')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('setup-connection')).toBeVisible();
  await page.getByTestId('setup-connection-next').press('Enter');
  await expect(page.getByTestId('setup-admin-username')).toBeFocused();
  await page.getByTestId('setup-admin-username').fill('zhangli');
  await page.getByTestId('setup-admin-name').fill('张丽');
  await page.getByTestId('setup-admin-password').fill('demo1234');
  await page.getByTestId('setup-admin-confirm').fill('demo1234');
  await page.getByTestId('setup-admin-confirm').press('Enter');
  await expect(page.getByTestId('setup-error')).toContainText('演示密码');
  await shot(page, '4-admin-refused');
  await page.getByTestId('setup-admin-password').fill('Pharm2026x');
  await page.getByTestId('setup-admin-confirm').fill('Pharm2026x');
  await page.getByTestId('setup-admin-confirm').press('Enter');

  await expect(page.getByTestId('setup-finish')).toBeVisible();
  await shot(page, '5-finish');
  await page.keyboard.press('Enter');

  await expect(page.getByTestId('login-username')).toBeVisible();
  await shot(page, '6-login');
  await page.getByTestId('login-username').fill('yaoshi');
  await page.getByTestId('login-password').fill('demo1234');
  await page.getByTestId('login-password').press('Enter');
  await expect(page.getByText('用户名或密码错误')).toBeVisible();
  await page.getByTestId('login-username').fill('zhangli');
  await page.getByTestId('login-password').fill('Pharm2026x');
  await page.getByTestId('login-password').press('Enter');
  await expect(page.getByTestId('staff-name')).toContainText('张丽');
  await expect(page.getByTestId('sandbox-banner')).toHaveCount(0);
  await shot(page, '7-signed-in');
});
