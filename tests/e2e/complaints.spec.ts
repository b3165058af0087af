import { expect, test } from '@playwright/test';
import { DEMO_STAFF } from '../../src/store/demo-staff';
import { login } from './support';

const pharmacist = DEMO_STAFF.find((s) => s.role === 'pharmacist');
if (!pharmacist) throw new Error('demo pharmacist missing');

test('the pharmacist registers a complaint with the keyboard, is refused a correction without its measure, corrects and closes it [R-COMPLAINT]', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  /** Out of whichever field has the focus (a submitted step's field may be gone already). */
  const leaveField = () =>
    page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await login(page, pharmacist.username, pharmacist.password);
  await page.keyboard.press('Alt+KeyV');
  const screen = page.getByTestId('complaint-screen');
  await expect(screen).toBeVisible();

  // N: to the subject; the other fields by Tab / Shift+Tab; Enter registers.
  const subject = `少发一盒阿莫西林 ${Date.now() % 100_000}`;
  await page.keyboard.press('KeyN');
  await expect(page.getByTestId('complaint-subject')).toBeFocused();
  await page.getByTestId('complaint-subject').fill(subject);
  // digits typed as fast as a scanner would be taken for a scan: fill them as a person types
  await page.keyboard.press('Shift+Tab');
  await expect(page.getByTestId('complaint-phone')).toBeFocused();
  await page.getByTestId('complaint-phone').fill('13812345678');
  await page.keyboard.press('Shift+Tab');
  await expect(page.getByTestId('complaint-name')).toBeFocused();
  await page.keyboard.type('欧阳晓明');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('complaint-notice')).toContainText('已登记');

  const row = page.getByTestId('complaint-row').filter({ hasText: subject });
  await expect(row).toHaveAttribute('data-selected', 'true');
  await expect(row).toContainText('欧**明');
  await expect(row).not.toContainText('欧阳晓明');
  const detail = page.getByTestId('complaint-detail');
  await expect(detail).toContainText('138****5678');
  await expect(detail).toHaveAttribute('data-state', 'received');

  // Esc leaves the field, Enter goes to the next step (开始核查), Enter on it submits.
  await page.keyboard.press('Escape');
  await expect(screen).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('complaint-step')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(detail).toHaveAttribute('data-state', 'checking');

  // 核查纠正 without the correction: refused, the rule and its document in the details line.
  await leaveField();
  await page.keyboard.press('Enter');
  await page.getByTestId('complaint-step').selectOption('corrected');
  await page.getByTestId('complaint-check-result').fill('监控显示确少发一盒');
  await page.getByTestId('complaint-check-result').press('Enter');
  const error = page.getByTestId('complaint-error');
  await expect(error).toHaveAttribute('data-rule', 'R-COMPLAINT');
  await expect(error.locator('.message-text')).toHaveText('核查纠正须写明采取的纠正措施');
  await expect(error).toContainText('渝医保办〔2023〕70号 §三(一)');
  await expect(detail).toHaveAttribute('data-state', 'checking');
  await page.screenshot({ path: 'test-results/screens/complaint-refused-1366.png' });

  await page.getByTestId('complaint-correction').fill('当日补发并致歉');
  await page.getByTestId('complaint-correction').press('Enter');
  await expect(detail).toHaveAttribute('data-state', 'corrected');
  await expect(error).toBeHidden();

  await leaveField();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('complaint-step')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(detail).toHaveAttribute('data-state', 'closed');
  await expect(detail).toContainText(pharmacist.displayName);
  await expect(page.getByTestId('complaint-events').locator('li')).toHaveCount(4);
  await expect(row).toContainText('已办结');
  await page.screenshot({ path: 'test-results/screens/complaint-closed-1366.png' });

  await leaveField();
  await page.keyboard.press('Escape');
  await expect(screen).toBeHidden();
});
