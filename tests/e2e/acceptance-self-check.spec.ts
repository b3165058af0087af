import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { DEMO_STAFF } from '../../src/store/demo-staff';
import { login } from './support';

const admin = DEMO_STAFF.find((s) => s.role === 'admin');
if (!admin) throw new Error('demo admin missing');

/** 报表 (Alt+B) → 接入验收自查表（CSV）: the file lists ST-EPC-02-001…013, 013 暂不验收. */
test('the reports screen exports the acceptance self-check with 013 暂不验收 [ST-EPC-02-013]', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await login(page, admin.username, admin.password);
  await page.keyboard.press('Alt+KeyB');
  await expect(page.getByTestId('reports-screen')).toBeVisible();
  const button = page.getByTestId('self-check-csv');
  await button.focus();
  const [file] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  const text = readFileSync(await file.path(), 'utf8');
  expect(file.suggestedFilename()).toMatch(/^acceptance-self-check_.*\.csv$/);
  expect(text).toContain('ST-EPC-02-013,处方流转互联网渠道应用,暂不验收');
  expect(text).toContain('未申请和建设渠道应用');
  await expect(page.getByTestId('reports-exported')).toContainText('acceptance-self-check');
  await page.screenshot({ path: 'test-results/screens/acceptance-self-check-1366.png' });
});
