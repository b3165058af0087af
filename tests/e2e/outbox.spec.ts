import { expect, test } from '@playwright/test';
import { DEMO_STAFF } from '../../src/store/demo-staff';
import { login } from './support';

const pharmacist = DEMO_STAFF.find((s) => s.role === 'pharmacist');
if (!pharmacist) throw new Error('demo data missing');

test('the upload-queue chip opens the queue; "send now" reports what went; the day reconciles [ARCH][R-SALES-UP][R-RECON]', async ({
  page,
}) => {
  await login(page, pharmacist.username, pharmacist.password);
  await page.getByTestId('outbox-status').focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('上传队列与对账');
  await dialog.getByRole('button', { name: '立即发送' }).click();
  await expect(dialog).toContainText(/已发送：送达 \d+ 条/);
  await dialog.getByRole('button', { name: /对账/ }).click();
  await expect(dialog).toContainText(/账目一致|存在差异/);
  await expect(dialog).toContainText(/对总账（3201）：(对平|不平)/);
  await dialog.getByTestId('recon-export').click();
  await expect(dialog.getByTestId('recon-exported')).toContainText('.csv');
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.screenshot({ path: 'test-results/screens/recon-period-1366.png' });
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});
