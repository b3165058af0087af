import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { DEMO_STAFF } from '../../src/store/demo-staff';
import { appUrl, login } from './support';

test('a renderer crash shows one line, is logged and the window reloads instead of a white screen [R-KEEP]', async ({
  page,
}) => {
  test.setTimeout(60_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(`${appUrl()}/?crash-test=1`);
  const notice = page.getByTestId('crash-notice');
  await expect(notice).toHaveText('界面出现错误，已记录日志，正在重新载入……');
  await page.screenshot({ path: 'test-results/screens/crash-notice-1366.png' });
  // It reloads by itself (and crashes again, the flag being in the address), then stops reloading.
  await page.waitForEvent('load', { timeout: 10_000 });
  await expect(notice).toBeVisible();

  const admin = DEMO_STAFF.find((s) => s.role === 'admin');
  if (!admin) throw new Error('demo admin missing');
  await login(page, admin.username, admin.password);
  await page.keyboard.press('F10');
  await page.getByTestId('log-export').click();
  const exported = page.getByTestId('log-exported');
  await expect(exported).toContainText('日志已导出');
  const file = (await exported.locator('.mono').textContent()) ?? '';
  const zip = unzipSync(readFileSync(file));
  const logs = Object.entries(zip)
    .filter(([name]) => name.startsWith('logs/'))
    .map(([, bytes]) => strFromU8(bytes))
    .join('');
  expect(logs).toMatch(/"event":"renderer.crash".*"kind":"boundary".*crash-test/);
});
