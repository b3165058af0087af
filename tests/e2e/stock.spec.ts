import { expect, type Page, test } from '@playwright/test';
import { DEMO_STAFF } from '../../src/store/demo-staff';
import { login, scanUntil } from './support';

const pharmacist = DEMO_STAFF.find((s) => s.role === 'pharmacist');
if (!pharmacist) throw new Error('demo pharmacist missing');

const AMOXICILLIN_ID = '8010371';

/** Fresh pack codes (ninth digit 5: apart from sale tests' and demo stock's codes). */
function packCodes(n: number): string[] {
  const base = (Date.now() % 1e9) * 10;
  return Array.from(
    { length: n },
    (_, k) => `${AMOXICILLIN_ID}5${String(base + k).padStart(12, '0')}`,
  );
}

/** Picks an option of an antd Select by typing and Enter. */
async function pick(page: Page, testId: string, text: string): Promise<void> {
  await page.getByTestId(testId).locator('input').focus();
  await page.keyboard.type(text);
  await expect(page.locator('.ant-select-item-option', { hasText: text }).first()).toBeVisible();
  await page.keyboard.press('Enter');
}

test('registers a supplier licence, receives a batch from it with every pack scanned, sees it listed and its 3503 uploaded; a cold-chain drug is flagged [R-STOCK][R-SUPPLY][R-SALES-UP]', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const batchNo = `E2E${Date.now() % 10_000_000}`;
  const supplier = `东岳医药${Date.now() % 100_000}有限公司`;
  const expiry = new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10);
  await login(page, pharmacist.username, pharmacist.password);
  await page.keyboard.press('Alt+KeyC');
  await expect(page.getByTestId('stock-screen')).toBeVisible();
  await expect(page.getByTestId('stock-batches')).toContainText('阿莫西林胶囊');

  await page.keyboard.press('Alt+KeyA');
  await expect(page.getByTestId('stock-supplier-name')).toBeFocused();
  await page.getByTestId('stock-supplier-name').fill(supplier);
  await page.getByTestId('stock-supplier-licence').fill('沪AA0299001');
  await page.getByTestId('stock-supplier-valid').fill('2030-12-31');
  await page.getByTestId('stock-supplier-valid').press('Enter');
  await expect(page.getByTestId('stock-notice')).toContainText(`已登记供应商「${supplier}」`);
  await expect(page.getByTestId('stock-suppliers')).toContainText('有效');

  await page.keyboard.press('Alt+KeyJ');
  await expect(page.getByTestId('stock-receive-drug').locator('input')).toBeFocused();
  await pick(page, 'stock-receive-drug', '阿莫西林');
  await page.getByTestId('stock-receive-batch').fill(batchNo);
  await page.getByTestId('stock-receive-packs').fill('3');
  await page.getByTestId('stock-receive-expiry').fill(expiry);
  await page.getByTestId('stock-receive-manu').fill('2025-01-10');
  await pick(page, 'stock-receive-supplier', '东岳医药');
  await expect(page.getByTestId('stock-receive-supplier')).toContainText(supplier);
  const scanned = page.getByTestId('stock-receive-codes');
  for (const [i, code] of packCodes(3).entries()) {
    await scanUntil(page, code, () =>
      expect(scanned).toHaveAttribute('data-count', String(i + 1), { timeout: 3_000 }),
    );
  }
  await page.getByTestId('stock-receive-invoice').fill('FP-E2E-1');
  await page.screenshot({ path: 'test-results/screens/stock-receive-scanned-1366.png' });
  await page.getByTestId('stock-receive-invoice').press('Enter');

  await expect(page.getByTestId('stock-notice')).toContainText(`批号 ${batchNo}`);
  await expect(scanned).toHaveAttribute('data-count', '0');
  const row = page.getByTestId(`stock-batch-${batchNo}`);
  await expect(row).toContainText('阿莫西林胶囊');
  await expect(row).toContainText(expiry);
  await expect(row).toContainText('近效期');

  const uploads = page.getByTestId('stock-uploads');
  const upload = uploads.locator('tr', { hasText: batchNo });
  await expect(upload).toContainText('商品采购（3503）');
  await expect(upload).toContainText('进货 3 盒');
  await expect(async () => {
    await page.keyboard.press('Alt+KeyR');
    await expect(upload).toContainText('已上传', { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await page.screenshot({ path: 'test-results/screens/stock-received-1366.png' });

  // a cold-chain drug is flagged on the form with what it needs (R-SUPPLY)
  await page.keyboard.press('Alt+KeyJ');
  await pick(page, 'stock-receive-drug', '门冬胰岛素');
  await expect(page.getByTestId('stock-receive-cold')).toContainText('冷链药品（2–8℃）');
  await page.getByTestId('stock-receive-cold').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screens/stock-receive-cold-chain-1366.png' });

  await page.keyboard.press('Escape');
  await expect(page.getByTestId('stock-screen')).toBeHidden();
});
