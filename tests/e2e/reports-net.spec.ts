import { expect, test } from '@playwright/test';
import { DEMO_STAFF } from '../../src/store/demo-staff';
import { login } from './support';

const admin = DEMO_STAFF.find((s) => s.role === 'admin');
if (!admin) throw new Error('demo admin missing');

test('daily settlements show refunds, a net figure and a 合计 row [R-RECON][R-REVERSE]', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await login(page, admin.username, admin.password);
  await page.keyboard.press('Alt+KeyB');
  await expect(page.getByTestId('reports-view-settlements-daily')).toBeVisible();
  await expect(page.getByTestId('reports-total-net')).toHaveText(/^¥-?\d{1,3}(,\d{3})*\.\d{2}$/);
  const total = page.getByTestId('reports-table-total');
  await expect(total).toContainText('合计');
  await expect(total).toContainText('笔');
  await expect(page.getByTestId('reports-table')).toContainText('净额');
  await page.screenshot({ path: 'test-results/screens/reports-net-1366.png', fullPage: true });
});
