import { expect, test } from '@playwright/test';
import { DEMO_STAFF } from '../../src/store/demo-staff';
import { dispensed, traceCodes } from './counter-flow';
import { login } from './support';

const pharmacist = DEMO_STAFF.find((x) => x.role === 'pharmacist');
if (!pharmacist) throw new Error('demo pharmacist missing');

const METFORMIN = { code: 'XA10BAA115A001010104107', productId: '8031111' };
const AMLODIPINE = { code: 'XC08CAA010A001010201587', productId: '8020741' };

/** Serials apart from the other specs' codes. */
const traceCode = traceCodes(7_300_000_000);

test.beforeEach(async ({ page }) => {
  await login(page, pharmacist.username, pharmacist.password);
});

test('a line outside the restricted scope: F5 is refused until the signed self-pay consent is recorded, then it pre-settles as self-pay [R-SCOPE]', async ({
  page,
}) => {
  test.setTimeout(150_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  await dispensed(page, traceCode, [{ ...METFORMIN, hospApprFlag: '2' }, { ...AMLODIPINE }]);
  const form = page.getByTestId('scope-consent');
  await expect(async () => {
    if (!(await form.isVisible())) await page.keyboard.press('F5');
    await expect(form).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout: 60_000 });
  await expect(page.getByTestId('settle-error')).toHaveAttribute('data-rule', 'R-SCOPE');
  await expect(page.getByTestId('scope-consent-line-1')).toBeVisible();
  await page.getByTestId('scope-consent-signer').fill('张伟');
  await page.getByTestId('scope-consent-form-no').fill('ZF-E2E-0001');
  await page.screenshot({ path: 'test-results/screens/scope-consent-1366.png' });
  await page.getByTestId('scope-consent-submit').click();
  const preview = page.getByTestId('settle-preview');
  await expect(preview).toBeVisible({ timeout: 30_000 });
  await expect(preview).toContainText('自费用药知情同意书');
  await page.screenshot({ path: 'test-results/screens/scope-consent-preview-1366.png' });
});
