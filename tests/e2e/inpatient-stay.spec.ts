import { expect, test } from '@playwright/test';
import { DEMO_STAFF } from '../../src/store/demo-staff';
import { dispensed, traceCodes } from './counter-flow';
import { login } from './support';

const pharmacist = DEMO_STAFF.find((x) => x.role === 'pharmacist');
if (!pharmacist) throw new Error('demo pharmacist missing');

/** config/catalog/drugs.json: a dual-channel drug. */
const EMPAGLIFLOZIN = { code: 'XA10BKE020A001010103765', productId: '8124441' };

/** Serials apart from the other spec files', so no two files reuse a code. */
const traceCode = traceCodes(9_600_000_000);

/**
 * An inpatient stay's dual-channel prescription is dispensed, then handed to the hospital's
 * settlement by keyboard (Alt+Shift+Y, Tab, Space, Enter) instead of being settled; the header
 * shows 已调剂·随住院结算 with the materials; Shift+F9 withdraws it with a reason.
 */
test('hands an inpatient dual-channel dispensing to the hospital’s settlement by keyboard and withdraws it [R-MT-SETTLE][R-REVERSE]', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  await login(page, pharmacist.username, pharmacist.password);
  await dispensed(page, traceCode, [EMPAGLIFLOZIN], [], '李秀英', { medType: '21' });

  const screen = page.getByTestId('dispense-screen');
  await expect(page.getByTestId('stay-hint')).toContainText('与住院费用合并结算');
  await page.keyboard.press('Alt+Shift+Y');
  const dialog = page.getByTestId('stay-dialog');
  await expect(dialog).toBeVisible();
  await expect(page.getByTestId('stay-hospital')).toBeFocused();
  // fill: typed key by key this fast, the counter would take it for a scanner burst
  await page.getByTestId('stay-hospital').fill('聊城市人民医院');
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('stay-no')).toBeFocused();
  await page.getByTestId('stay-no').fill('ZY2026-004321');
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('stay-form-seen')).toBeFocused();
  await page.keyboard.press('Space');
  await expect(page.getByTestId('stay-confirm')).toBeEnabled();
  await page.waitForTimeout(400); // the dialog's opening animation, for the screenshot only
  await page.screenshot({ path: 'test-results/screens/stay-dialog-1366.png' });
  await page.keyboard.press('Enter');

  await expect(page.getByTestId('dispense-state')).toHaveText('已调剂·随住院结算', {
    timeout: 10_000,
  });
  const panel = page.getByTestId('stay-panel');
  await expect(panel).toContainText('住院号 ZY2026-004321');
  await expect(page.getByTestId('stay-materials-link')).toBeVisible();
  await expect(page.getByTestId('cancel-held')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/screens/stay-recorded-1366.png' });

  // 撤销 waits for the 3505 to reach the center (then a 3506 takes it back); the panel follows it
  await expect(panel).toHaveAttribute('data-upload-3505', 'delivered', { timeout: 30_000 });
  await expect(panel).toContainText('商品销售上传（3505）已送达');
  await page.keyboard.press('Shift+F9');
  await expect(page.getByTestId('stay-withdraw-dialog')).toBeVisible();
  await expect(page.getByTestId('stay-withdraw-reason')).toBeFocused();
  await page.getByTestId('stay-withdraw-reason').fill('医院改为院内供药，药品已收回');
  await page.keyboard.press('Enter');
  await expect(screen).toHaveAttribute('data-state', 'cancelled', { timeout: 10_000 });
  await expect(page.getByTestId('stay-withdraw-error')).toHaveCount(0);
  await expect(page.getByTestId('scan-notice')).toContainText('追溯码可再次销售');
});
