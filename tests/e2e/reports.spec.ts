import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { DEMO_STAFF } from '../../src/store/demo-staff';
import { login, scanUntil } from './support';

const admin = DEMO_STAFF.find((s) => s.role === 'admin');
const cashier = DEMO_STAFF.find((s) => s.role === 'cashier');
if (!admin || !cashier) throw new Error('demo admin or cashier missing');

/** Presses an export key and returns the downloaded file's name and bytes. */
async function download(page: Page, key: string): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.keyboard.press(key)]);
  const saved = await file.path();
  return { name: file.suggestedFilename(), bytes: readFileSync(saved) };
}

/** A goods receipt through the stock screen: queues a 3503 upload for the outbox report. */
async function receiveStock(page: Page): Promise<void> {
  const expiry = new Date(Date.now() + 400 * 86_400_000).toISOString().slice(0, 10);
  await page.keyboard.press('Alt+KeyC');
  // The drug list arrives with the batches: wait for them before typing into the drug field.
  await expect(page.getByTestId('stock-batches')).toContainText('阿莫西林胶囊');
  await page.keyboard.press('Alt+KeyJ');
  await expect(page.getByTestId('stock-receive-drug').locator('input')).toBeFocused();
  await page.keyboard.type('阿莫西林');
  await expect(
    page.locator('.ant-select-item-option', { hasText: '阿莫西林' }).first(),
  ).toBeVisible();
  await page.keyboard.press('Enter');
  await page.getByTestId('stock-receive-batch').fill(`RPT${Date.now() % 10_000_000}`);
  await page.getByTestId('stock-receive-expiry').fill(expiry);
  await page.getByTestId('stock-receive-manu').fill('2025-01-10');
  await page.getByTestId('stock-receive-packs').fill('2');
  // the sandbox's demo supplier, registered with the demo stock (R-SUPPLY)
  await page.getByTestId('stock-receive-supplier').locator('input').focus();
  await page.keyboard.type('国药控股沙箱');
  await expect(page.locator('.ant-select-item-option', { hasText: '国药控股沙箱' })).toBeVisible();
  await page.keyboard.press('Enter');
  const scanned = page.getByTestId('stock-receive-codes');
  const base = (Date.now() % 1e9) * 10;
  for (const k of [1, 2]) {
    // one code per pack (R-STOCK); ninth digit 6 keeps them apart from other tests' codes
    await scanUntil(page, `80103716${String(base + k).padStart(12, '0')}`, () =>
      expect(scanned).toHaveAttribute('data-count', String(k), { timeout: 3_000 }),
    );
  }
  await page.getByTestId('stock-receive-invoice').fill('FP-RPT-1');
  await page.getByTestId('stock-receive-invoice').press('Enter');
  await expect(page.getByTestId('stock-notice')).toContainText('已入库');
}

/** A chart is on screen with drawn bars and text. */
async function expectChart(page: Page, testId: string): Promise<void> {
  const chart = page.getByTestId(testId);
  await expect(chart).toBeVisible();
  expect(await chart.locator('rect.chart-bar').count()).toBeGreaterThan(0);
  expect(await chart.locator('text').count()).toBeGreaterThan(0);
  await expect(chart.locator('title').first()).not.toBeEmpty();
}

test('Alt+B opens the reports; each tab draws its chart and figures; CSV and XLSX download [R-RECON][R-CATALOG][R-PRICE-PUB]', async ({
  page,
}) => {
  await login(page, admin.username, admin.password);
  await receiveStock(page);
  await page.keyboard.press('Alt+KeyB');
  const screen = page.getByTestId('reports-screen');
  await expect(screen).toBeVisible();

  // 1 每日结算: stacked fund / account / cash per day with self-pay beside it.
  await expect(page.getByTestId('reports-view-settlements-daily')).toBeVisible();
  await expectChart(page, 'reports-chart-settlements');
  await expect(page.getByTestId('reports-total-medfee')).toHaveText(/^¥\d{1,3}(,\d{3})*\.\d{2}$/);
  await expect(page.getByTestId('reports-table')).toContainText(/\d{4}-\d{2}-\d{2}/);
  const csv = await download(page, 'Alt+KeyX');
  expect(csv.name).toContain('每日结算报表');
  expect(csv.name).toMatch(/\.csv$/);
  expect(csv.bytes.length).toBeGreaterThan(0);
  expect(csv.bytes.toString('utf8')).toContain('医疗费总额');
  await expect(page.getByTestId('reports-exported')).toContainText(csv.name);
  await expect(page.getByTestId('reports-exported')).toContainText('exports');

  // 2 药品调剂 (plain key 2), ranked bars.
  await page.keyboard.press('Digit2');
  await expect(page.getByTestId('reports-view-dispensing-by-drug')).toBeVisible();
  await expect(page.getByTestId('reports-chart-dispensing')).toBeVisible();
  await expect(page.getByTestId('reports-total-packs')).toHaveText(/^\d+$/);

  // 3 目录占比: the share, the 70 % line and the verdict in words.
  await page.keyboard.press('Alt+Digit3');
  await expect(page.getByTestId('reports-view-catalog-coverage')).toBeVisible();
  await expectChart(page, 'reports-catalog-chart');
  await expect(page.getByTestId('reports-catalog-chart')).toContainText('要求线 70.0%');
  await expect(page.getByTestId('reports-catalog-share')).toHaveText(/^\d{1,3}\.\d%$/);
  const verdict = page.getByTestId('reports-catalog-verdict');
  const meets = await verdict.getAttribute('data-meets');
  await expect(verdict).toContainText(meets === 'true' ? '达标' : '未达标');
  expect(Number(await page.getByTestId('reports-catalog-stocked').textContent())).toBeGreaterThan(
    0,
  );
  const xlsx = await download(page, 'Alt+KeyE');
  expect(xlsx.name).toContain('医保目录品种占比');
  expect(xlsx.name).toMatch(/\.xlsx$/);
  expect(xlsx.bytes.subarray(0, 2).toString('latin1')).toBe('PK');

  // 4 上传队列健康: tiles, per-day bars and per-transaction rows (log-in queued at least a 9001).
  await page.keyboard.press('Digit4');
  await expect(page.getByTestId('reports-view-outbox-health')).toBeVisible();
  await expectChart(page, 'reports-chart-outbox');
  await expect(page.getByTestId('reports-outbox-pending')).toHaveText(/^\d+ 条$/);
  await expect(page.getByTestId('reports-outbox-parked')).toHaveText(/\d+ 条$/);
  await expect(page.getByTestId('reports-table').locator('tbody tr').first()).toContainText(
    /（\d{4}）/,
  );
  const outboxCsv = await download(page, 'Alt+KeyX');
  expect(outboxCsv.name).toContain('上传队列运行情况');
  expect(outboxCsv.bytes.length).toBeGreaterThan(0);

  // 5 外流药品价格: current against charged prices.
  await page.keyboard.press('Digit5');
  await expect(page.getByTestId('reports-view-flowed-prices')).toBeVisible();
  await expect(page.getByTestId('reports-chart-prices')).toBeVisible();
  await expect(page.getByTestId('reports-table')).toContainText('现行价格');
  await expect(page.getByTestId('reports-prices-above')).toHaveText(/^！?\d+$/);

  // Quick period and typed dates: a reversed period is refused in words, Enter refreshes.
  await page.keyboard.press('Digit1');
  await page.getByTestId('reports-preset-year').click();
  const year = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' })
    .format(new Date())
    .slice(0, 4);
  await expect(page.getByTestId('reports-from')).toHaveValue(`${year}-01-01`);
  await page.getByTestId('reports-from').fill('2099-01-01');
  await page.getByTestId('reports-from').press('Enter');
  await expect(page.getByTestId('reports-error')).toContainText('起始日期不能晚于截止日期');

  await page.keyboard.press('Escape');
  await expect(screen).toBeHidden();
  await page.keyboard.press('Alt+KeyB');
  await expect(screen).toBeVisible();
  await page.keyboard.press('Alt+KeyC');
  await expect(page.getByTestId('stock-screen')).toBeVisible();
  await expect(screen).toBeHidden();
});

test('a cashier reads the takings but cannot export or see dispensing volumes [R-RECON]', async ({
  page,
}) => {
  await login(page, cashier.username, cashier.password);
  await page.keyboard.press('Alt+KeyB');
  await expect(page.getByTestId('reports-view-settlements-daily')).toBeVisible();
  await expect(page.getByTestId('reports-export-hidden')).toBeVisible();
  await expect(page.getByTestId('reports-export-csv')).toHaveCount(0);
  await page.keyboard.press('Digit2');
  await expect(page.getByTestId('reports-error')).toContainText('收银员不能查看');
  await expect(page.getByTestId('reports-chart-dispensing')).toHaveCount(0);
});
