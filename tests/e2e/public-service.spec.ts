import { expect, test } from '@playwright/test';
import { DEMO_STAFF } from '../../src/store/demo-staff';
import { dispensed, traceCodes } from './counter-flow';
import { login } from './support';

const pharmacist = DEMO_STAFF.find((x) => x.role === 'pharmacist');
if (!pharmacist) throw new Error('demo pharmacist missing');

/** config/catalog/drugs.json: amoxicillin carries a contraindication and a caution. */
const AMOXICILLIN = { code: 'XJ01CAA040A001010100435', productId: '8010371' };
const traceCode = traceCodes(7_000_000_000);

test.beforeEach(async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await login(page, pharmacist.username, pharmacist.password);
});

test('guidance states contraindications and the physician’s instruction; the patient takes an electronic receipt; Shift+F4 shows the price list, the receipt and the masked delivery, handed over (Alt+Shift+J) and signed for (Alt+Shift+Q) [R-GUIDE][R-EINVOICE][R-PRICE-PUB][ST-EPC-02-004][R-DELIVERY][R-DELIVERY-REC]', async ({
  page,
}) => {
  test.setTimeout(150_000);
  await dispensed(page, traceCode, [{ ...AMOXICILLIN, instruction: '饭后半小时服用' }]);
  const guidance = page.getByTestId('guidance');
  await expect(guidance.getByTestId('guidance-contraindications')).toContainText(
    '对青霉素类药物过敏者禁用',
    { timeout: 20_000 },
  );
  await expect(guidance.getByTestId('guidance-instruction')).toContainText('饭后半小时服用');
  await page.screenshot({ path: 'test-results/screens/guidance-contraindications-1366.png' });

  const shown = page.getByTestId('settle-preview');
  await expect(async () => {
    if (!(await shown.isVisible())) await page.keyboard.press('F5');
    await expect(shown).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout: 60_000 });
  await page.getByTestId('receipt-choice').getByText('纸质和电子票据').click();
  await page.screenshot({ path: 'test-results/screens/settle-receipt-choice-1366.png' });
  await page.getByTestId('settle-confirm').click();
  await expect(page.getByTestId('settle-result')).toHaveAttribute('data-state', 'settled', {
    timeout: 30_000,
  });
  const eReceipt = page.getByTestId('settle-e-receipt');
  await expect(eReceipt).toContainText('纸质和电子票据');
  const receiptNo = ((await eReceipt.locator('.mono').textContent()) ?? '').trim();
  expect(receiptNo).toMatch(/^DZ/);

  await page.getByTestId('delivery-open').click();
  await page.getByTestId('delivery-name').fill('张伟');
  await page.getByTestId('delivery-phone').fill('13812345678');
  await page.getByTestId('delivery-address').fill('重庆市渝中区解放碑街道民族路188号3栋2单元');
  await page.getByTestId('delivery-courier').fill('同城药品配送');
  await page.getByTestId('delivery-fee').fill('8');
  await page.getByTestId('delivery-form').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screens/delivery-form-1366.png' });
  await page.getByTestId('delivery-submit').click();
  const saved = page.getByTestId('delivery-saved');
  await expect(saved).toContainText('配送费 ¥8.00');
  await expect(saved).not.toContainText('民族路188号');

  await page.keyboard.press('Shift+F4');
  const screen = page.getByTestId('public-screen');
  await expect(screen.getByTestId('public-prices')).toContainText('阿莫西林胶囊');
  await expect(screen.getByTestId('public-prices')).toContainText('12.80');
  await expect(screen.getByTestId('public-prices')).not.toContainText('硫酸吗啡');
  await page.screenshot({ path: 'test-results/screens/public-prices-1366.png' });

  await screen.getByText('药品在售信息').click();
  await expect(screen.getByTestId('public-availability').locator('th')).toHaveText([
    '医保目录编码',
    '药品名称',
    '规格',
    '可售数量',
  ]);
  await page.screenshot({ path: 'test-results/screens/public-availability-1366.png' });

  await screen.getByText('电子票据', { exact: true }).click();
  await expect(screen.getByTestId('public-receipts')).toContainText(receiptNo);
  const download = page.waitForEvent('download');
  await screen
    .getByTestId('public-receipts')
    .getByRole('button', { name: '导出 PDF' })
    .last()
    .click();
  expect((await download).suggestedFilename()).toMatch(/^电子票据_DZ.*\.pdf$/);

  await screen.getByText('配送记录').click();
  const deliveries = screen.getByTestId('public-deliveries');
  await expect(deliveries).toContainText('同城药品配送');
  await expect(deliveries).toContainText('138****5678');
  await expect(deliveries).not.toContainText('民族路188号');
  await page.screenshot({ path: 'test-results/screens/public-deliveries-1366.png' });

  // Hand-over and receipt from the keyboard: ordered → handed over → received.
  const order = deliveries.getByTestId('delivery-row').filter({ hasText: '同城药品配送' }).last();
  await expect(order).toHaveAttribute('data-state', 'ordered');
  await order.click();
  await expect(order).toHaveClass(/is-selected/);
  await page.keyboard.press('Alt+Shift+J');
  await expect(order).toHaveAttribute('data-state', 'handed_over');
  await expect(order).toContainText('配送中');
  await page.keyboard.press('Alt+Shift+Q');
  const dialog = page.getByTestId('delivery-receipt-dialog');
  await expect(dialog).toBeVisible();
  await expect(page.getByTestId('delivery-receiver')).toBeFocused();
  await page.getByTestId('delivery-receiver').fill('张伟');
  await page.getByTestId('delivery-identity-checked').check();
  await expect(page.getByTestId('delivery-receipt-confirm')).toBeEnabled();
  await page.getByTestId('delivery-receiver').focus();
  await page.screenshot({ path: 'test-results/screens/delivery-receipt-dialog-1366.png' });
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(order).toHaveAttribute('data-state', 'received');
  await expect(order).toContainText('已签收');
  await expect(order).toContainText('张*');
  await page.screenshot({ path: 'test-results/screens/delivery-received-1366.png' });

  await page.keyboard.press('Escape');
  await expect(screen).toHaveCount(0);
});
