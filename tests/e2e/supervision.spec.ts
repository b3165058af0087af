import { expect, test } from '@playwright/test';
import { DEMO_STAFF } from '../../src/store/demo-staff';
import { dispensed, traceCodes } from './counter-flow';
import { login } from './support';

const pharmacist = DEMO_STAFF.find((x) => x.role === 'pharmacist');
if (!pharmacist) throw new Error('demo pharmacist missing');

/** 李秀英 bought it at another pharmacy 10 days ago for 28 days: the sandbox's 3101 warns. */
const AMLODIPINE = { code: 'XC08CAA010A001010201587', productId: '8020741' };
const traceCode = traceCodes(7_000_000_000);

test.beforeEach(async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await login(page, pharmacist.username, pharmacist.password);
});

test("the platform's duplicate-purchase warning is shown before settlement in its own words; Enter settles only after the pharmacist continues with a reason [R-SUPERVISE]", async ({
  page,
}) => {
  test.setTimeout(150_000);
  await dispensed(page, traceCode, [AMLODIPINE], [], '李秀英');
  const shown = page.getByTestId('settle-preview');
  await expect(async () => {
    if (!(await shown.isVisible())) await page.keyboard.press('F5');
    await expect(shown).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout: 60_000 });

  const panel = page.getByTestId('supervision');
  await expect(panel).toHaveAttribute('data-outcome', 'warnings');
  const warning = panel.getByTestId('supervision-warning');
  await expect(warning).toHaveAttribute('data-severity', 'suspect');
  await expect(warning).toContainText('重复购药');
  await expect(warning).toContainText('苯磺酸氨氯地平片');
  await expect(panel).toContainText('R-SUPERVISE');
  await expect(page.getByTestId('settle-confirm')).toBeDisabled();
  await page.screenshot({ path: 'test-results/screens/supervision-warning-1366.png' });

  // Enter while undecided does not settle: the counter says why.
  await page.getByTestId('settle-preview').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('settle-result')).toHaveCount(0);

  await page.getByTestId('supervision-reason').fill('患者原药已遗失，已核实处方与用量');
  await page.getByTestId('supervision-continue').click();
  await expect(panel.getByTestId('supervision-handled')).toContainText('继续结算');
  await expect(page.getByTestId('settle-confirm')).toBeEnabled();
  await page.screenshot({ path: 'test-results/screens/supervision-handled-1366.png' });
  await page.getByTestId('settle-confirm').click();
  await expect(page.getByTestId('settle-result')).toHaveAttribute('data-state', 'settled', {
    timeout: 30_000,
  });
});
