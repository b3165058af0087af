import { expect, test } from '@playwright/test';
import { DEMO_STAFF } from '../../src/store/demo-staff';
import { login } from './support';

const pharmacist = DEMO_STAFF.find((s) => s.role === 'pharmacist');
if (!pharmacist) throw new Error('demo pharmacist missing');

test('opens the stock screen, receives a batch, sees it listed and its 3503 upload state [R-STOCK][R-SALES-UP]', async ({
  page,
}) => {
  const batchNo = `E2E${Date.now() % 10_000_000}`;
  const expiry = new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10);
  await login(page, pharmacist.username, pharmacist.password);
  await page.keyboard.press('Alt+KeyC');
  await expect(page.getByTestId('stock-screen')).toBeVisible();
  await expect(page.getByTestId('stock-batches')).toContainText('阿莫西林胶囊');

  await page.keyboard.press('Alt+KeyJ');
  await expect(page.getByTestId('stock-receive-drug').locator('input')).toBeFocused();
  await page.keyboard.type('阿莫西林');
  await page.keyboard.press('Enter');
  await page.getByTestId('stock-receive-batch').fill(batchNo);
  await page.getByTestId('stock-receive-expiry').fill(expiry);
  await page.getByTestId('stock-receive-manu').fill('2025-01-10');
  await page.getByTestId('stock-receive-packs').fill('24');
  await page.getByTestId('stock-receive-supplier').fill('国药控股沙箱医药有限公司');
  await page.getByTestId('stock-receive-invoice').fill('FP-E2E-1');
  await page.getByTestId('stock-receive-supplier').press('Enter');

  await expect(page.getByTestId('stock-notice')).toContainText(`批号 ${batchNo}`);
  const row = page.getByTestId(`stock-batch-${batchNo}`);
  await expect(row).toContainText('阿莫西林胶囊');
  await expect(row).toContainText(expiry);
  await expect(row).toContainText('近效期');
  await expect(row).toContainText('24');

  const uploads = page.getByTestId('stock-uploads');
  const upload = uploads.locator('tr', { hasText: batchNo });
  await expect(upload).toContainText('商品采购（3503）');
  await expect(upload).toContainText('进货 24 盒');
  await expect(async () => {
    await page.keyboard.press('Alt+KeyR');
    await expect(upload).toContainText('已上传', { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });

  await page.keyboard.press('Escape');
  await expect(page.getByTestId('stock-screen')).toBeHidden();
});
