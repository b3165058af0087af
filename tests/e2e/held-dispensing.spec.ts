import { execFileSync } from 'node:child_process';
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
test('a held dispensing is listed as 待结算, reopened with the keyboard and cancelled with a reason; its codes sell again; 下岗 shows the 日结汇总 and waits until it is carried over [R-TRACE-ONCE][R-STOCK][R-KEEP]', async ({
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
  // …and lists each one: the number's last digits, the patient masked, the time
  const leaving = page
    .getByTestId('logout-held-warning-item')
    .filter({ hasText: `尾号 ${held.hiRxno.slice(-6)}` });
  await expect(leaving).toHaveCount(1);
  await expect(leaving).toContainText('*');
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

  // 日结汇总 on demand (Ctrl+Shift+E): the day's figures, nothing to confirm.
  await page.keyboard.press('Control+Shift+E');
  const summary = page.getByTestId('day-summary');
  await expect(summary.getByTestId('day-summary-settlements')).toContainText('统筹基金');
  await expect(page.getByTestId('off-duty-confirm')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(summary).toBeHidden();

  // Going off duty (F12) shows the 日结汇总: the unsettled one is listed and 下岗 waits for it.
  await page.keyboard.press('F12');
  await expect(page.getByTestId('off-duty-warning')).toContainText('笔待结算调剂');
  const open = summary.locator('[data-testid=day-summary-held-row][data-carried=false]');
  await expect(open.filter({ hasText: `尾号 ${again.hiRxno.slice(-6)}` })).toHaveCount(1);
  await expect(page.getByTestId('off-duty-confirm')).toBeDisabled();
  await expect(summary.locator('[data-testid^=day-summary-reason-]').first()).toBeFocused();
  await page.waitForTimeout(400); // the dialog's opening animation, for the screenshot only
  await page.screenshot({ path: 'test-results/screens/day-summary-off-duty-1366.png' });
  const download = page.waitForEvent('download');
  await page.getByTestId('day-summary-print').click();
  const pdf = await (await download).path();
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  expect(text).toContain('日结汇总');
  expect(text).toContain(`尾号 ${again.hiRxno.slice(-6)}`);
  execFileSync('pdftoppm', [
    '-png',
    '-r',
    '80',
    '-singlefile',
    pdf,
    'test-results/screens/day-summary-pdf-e2e',
  ]);
  await page.keyboard.press('Escape');
  await expect(summary).toBeHidden();
  await expect(page.getByTestId('shift-status')).toHaveAttribute('data-mine', 'open');

  // Each open one carried over with its reason (Enter), then Enter goes off duty.
  await page.keyboard.press('F12');
  await expect(summary.getByTestId('day-summary-settlements')).toBeVisible();
  while ((await open.count()) > 0) {
    const n = await open.count();
    await summary.locator('[data-testid^=day-summary-reason-]').first().focus();
    await page.keyboard.type('患者明天来取');
    await page.keyboard.press('Enter');
    await expect(open).toHaveCount(n - 1);
  }
  await expect(summary.locator('[data-carried=true]').first()).toContainText(
    '已结转：患者明天来取',
  );
  await expect(page.getByTestId('off-duty-confirm')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('shift-status')).toHaveAttribute('data-mine', 'closed');
});
