import { expect, test } from '@playwright/test';
import { DEMO_STAFF } from '../../src/store/demo-staff';
import { dispensed, traceCodes } from './counter-flow';
import { login } from './support';

const pharmacist = DEMO_STAFF.find((x) => x.role === 'pharmacist');
if (!pharmacist) throw new Error('demo pharmacist missing');

/** config/catalog/drugs.json */
const AMLODIPINE = { code: 'XC08CAA010A001010201587', productId: '8020741' };

/** Serials apart from the other spec files', so no two files reuse a code. */
const traceCode = traceCodes(8_000_000_000);

/**
 * A dispensing completed and left before settling (patient declined the price) is listed as
 * 待结算, reopened with the keyboard at the settlement step, then cancelled with a reason: its
 * codes sell again on the next prescription.
 */
test('a held dispensing is listed as 待结算, reopened with the keyboard and cancelled with a reason; its codes sell again [R-TRACE-ONCE][R-STOCK][R-KEEP]', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  await login(page, pharmacist.username, pharmacist.password);
  const held = await dispensed(page, traceCode, [{ ...AMLODIPINE, packs: 2 }]);

  // Leave before settling, then Shift+F8: the counter with the 待结算 list focused.
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('prescription-screen')).toBeVisible();
  await page.keyboard.press('Shift+F8');
  const list = page.getByTestId('held-list');
  const row = list.locator(`[data-testid=held-item][data-rxno="${held.hiRxno}"]`);
  await expect(row).toBeVisible({ timeout: 10_000 });
  await expect(page.getByTestId('held-count')).not.toHaveAttribute('data-count', '0');
  await expect(row).toContainText('待结算');
  await page.screenshot({ path: 'test-results/screens/held-list-1366.png' });

  // Log-out confirm warns of it; Esc keeps the session, Shift+F8 focuses the list again.
  await page.keyboard.press('Control+Shift+L');
  await expect(page.getByTestId('logout-held-warning')).toContainText('笔待结算调剂');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('logout-dialog')).toBeHidden();
  await page.keyboard.press('Shift+F8');

  // ↑↓ to our row (the newest is last), Enter reopens it where it stopped: the settlement step.
  const listbox = list.getByRole('listbox');
  await expect(listbox).toBeFocused();
  await page.keyboard.press('End');
  await expect(row).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  const screen = page.getByTestId('dispense-screen');
  await expect(screen).toHaveAttribute('data-hi-rxno', held.hiRxno, { timeout: 10_000 });
  await expect(screen).toHaveAttribute('data-state', 'completed');
  await expect(page.getByTestId('cancel-held')).toBeVisible();

  // 撤销调剂: Shift+F9, a reason, Enter.
  await page.keyboard.press('Shift+F9');
  const dialog = page.getByTestId('cancel-held-dialog');
  await expect(dialog).toBeVisible();
  await expect(page.getByTestId('cancel-held-confirm')).toBeDisabled();
  await page.getByTestId('cancel-held-reason').fill('患者不接受价格，药品已收回');
  await page.keyboard.press('Enter');
  await expect(screen).toHaveAttribute('data-state', 'cancelled', { timeout: 10_000 });
  await expect(page.getByTestId('scan-notice')).toContainText('追溯码可再次销售');

  await page.keyboard.press('Shift+F8');
  await expect(page.getByTestId('held-list')).toBeVisible();
  await expect(page.locator(`[data-testid=held-item][data-rxno="${held.hiRxno}"]`)).toHaveCount(0);

  // The same two packs are accepted on the next prescription (R-TRACE-ONCE: returned, not sold).
  const again = await dispensed(page, traceCode, [{ ...AMLODIPINE, packs: 2 }], [...held.codes]);
  expect(again.codes).toEqual(held.codes);

  // Going off duty (F12) with that one still unsettled asks first: Esc stays on duty, Enter goes.
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.keyboard.press('F12');
  await expect(page.getByTestId('off-duty-warning')).toContainText('笔待结算调剂');
  await expect(page.getByTestId('off-duty-confirm')).toBeFocused();
  await page.waitForTimeout(400); // the dialog's opening animation, for the screenshot only
  await page.screenshot({ path: 'test-results/screens/off-duty-held-warning-1366.png' });
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('off-duty-warning')).toBeHidden();
  await expect(page.getByTestId('shift-status')).toHaveAttribute('data-mine', 'open');
  await page.keyboard.press('F12');
  await expect(page.getByTestId('off-duty-confirm')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('shift-status')).toHaveAttribute('data-mine', 'closed');
});
