import { expect, test } from '@playwright/test';
import { DEMO_PATIENTS } from '../../src/sandbox/seed-data';
import { DEMO_STAFF } from '../../src/store/demo-staff';
import { ensureOnDuty, openRx, prescribe, reviewPass, traceCodes } from './counter-flow';
import { login, scanUntil } from './support';

/**
 * Issue 19 item 8's alternative (D45): on the prescription page of a suspended person, where
 * dispensing on insurance is refused, Alt+Shift+Z opens 自费结算: the consent words, who agreed
 * (Enter), one code per pack (Enter), the 自费结算单 with fund 0.00; all by keyboard.
 */
const pharmacist = DEMO_STAFF.find((s) => s.role === 'pharmacist');
const zhaoLei = DEMO_PATIENTS.find((p) => p.name === '赵磊');
if (!pharmacist || !zhaoLei) throw new Error('demo data missing');

const AMLODIPINE = { code: 'XC08CAA010A001010201587', productId: '8020741' };
const traceCode = traceCodes(8_100_000_000);

test.beforeEach(async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await login(page, pharmacist.username, pharmacist.password);
});

test('a suspended person’s prescription is settled as 自费 by keyboard: consent recorded, packs scanned, receipt with fund 0.00, no rule id on it [R-SETTLE][R-STATUS]', async ({
  page,
}) => {
  test.setTimeout(150_000);
  await ensureOnDuty(page);
  await openRx(page, await prescribe([AMLODIPINE.code], zhaoLei.name));
  await expect(page.locator('[data-testid=insurance-notice][data-kind=not-insured]')).toContainText(
    '暂停参保',
  );
  await reviewPass(page);
  await page.keyboard.press('F7');
  await expect(page.getByTestId('error-banner')).toHaveAttribute('data-rule', 'R-SETTLE');
  await expect(page.getByTestId('rx-self-pay-offer')).toBeVisible();

  await page.keyboard.press('Alt+Shift+KeyZ');
  const dialog = page.getByTestId('rx-self-pay-dialog');
  await expect(dialog).toHaveAttribute('data-step', 'consent');
  await expect(page.getByTestId('rx-self-pay-words')).toContainText('医保基金支付 0.00 元');
  const who = page.getByTestId('rx-self-pay-who');
  await expect(who).toBeFocused();
  await page.keyboard.type('赵磊');
  await expect(page.getByTestId('rx-self-pay-consent')).toBeEnabled();
  await page.screenshot({ path: 'test-results/screens/rx-self-pay-consent-1366.png' });
  await page.keyboard.press('Enter');

  await expect(dialog).toHaveAttribute('data-step', 'scan');
  const scan = page.getByTestId('rx-self-pay-scan');
  await expect(scan).toBeFocused();
  await scanUntil(page, traceCode(AMLODIPINE.productId), () =>
    expect(scan).toHaveAttribute('placeholder', /已扫齐/, { timeout: 5_000 }),
  );
  await scan.focus();
  await page.keyboard.press('Enter');

  await expect(dialog).toHaveAttribute('data-step', 'done', { timeout: 20_000 });
  await expect(page.getByTestId('rx-self-pay-sold')).toContainText('医保基金支付 0.00 元');
  await expect(dialog).toContainText('自费结算单');
  await expect(dialog).toContainText(/医保基金支付\s+0\.00/);
  await expect(dialog).not.toContainText(/R-[A-Z]/);
  await page.screenshot({ path: 'test-results/screens/rx-self-pay-receipt-1366.png' });
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('prescription-screen')).toBeVisible();
  await expect(page.getByTestId('rx-status')).toHaveAttribute('data-live', 'self_paid');
  await expect(page.getByTestId('rx-self-pay-offer')).toHaveCount(0);
});

test('a person insured in force is refused 自费结算 with the reason and the citation in the details line [R-SETTLE]', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await ensureOnDuty(page);
  await openRx(page, await prescribe([AMLODIPINE.code]));
  await expect(page.getByTestId('rx-self-pay-offer')).toHaveCount(0);
  await page.keyboard.press('Alt+Shift+KeyZ');
  const error = page.getByTestId('rx-self-pay-error');
  await expect(error).toHaveAttribute('data-rule', 'R-SETTLE');
  await expect(error).toContainText('正常参保，应按医保结算');
  await page.screenshot({ path: 'test-results/screens/rx-self-pay-refused-1366.png' });
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('rx-self-pay-dialog')).toHaveCount(0);
  await expect(page.getByTestId('prescription-screen')).toBeVisible();
});
