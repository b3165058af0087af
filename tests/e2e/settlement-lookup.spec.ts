import { expect, type Page, test } from '@playwright/test';
import { createPrescription } from '../../src/sandbox/hospital/create-prescription';
import { DEMO_PATIENTS } from '../../src/sandbox/seed-data';
import { DEMO_STAFF } from '../../src/store/demo-staff';
import { login, sandboxCall, scanUntil } from './support';

const pharmacist = DEMO_STAFF.find((x) => x.role === 'pharmacist');
if (!pharmacist) throw new Error('demo pharmacist missing');
const ownVoucher = DEMO_PATIENTS.find((p) => p.certno === pharmacist.certno)?.ecToken;
if (!ownVoucher) throw new Error('demo pharmacist e-voucher missing');

/** config/catalog/drugs.json (amoxicillin, 12.80 a pack). */
const AMOXICILLIN = { code: 'XJ01CAA040A001010100435', productId: '8010371' };
/** Serials apart from the other specs', so no two files reuse a code. */
let serial = (Date.now() % 1_000_000_000) + 7_000_000_000;
const traceCode = () => `${AMOXICILLIN.productId}${String(serial++).padStart(13, '0')}`;

/** Issued by the sandbox hospital, scanned, reviewed (F6), dispensed (F7, one pack, F9), settled (F5, Enter). */
async function settledAtCounter(page: Page): Promise<{ hiRxno: string; setlId: string }> {
  const chip = page.getByTestId('shift-status');
  await expect(chip).toHaveAttribute('data-may-review', /true|false/);
  if ((await chip.getAttribute('data-mine')) !== 'open') await page.keyboard.press('F12');
  await expect(chip).toHaveAttribute('data-may-review', 'true');
  const baseUrl = process.env.E2E_SANDBOX_URL;
  if (!baseUrl) throw new Error('E2E_SANDBOX_URL missing');
  const { qr } = await createPrescription(
    { baseUrl },
    { patient: '张伟', drugs: [AMOXICILLIN.code] },
  );
  await scanUntil(page, qr, () =>
    expect(page.getByTestId('prescription-screen')).toHaveAttribute('data-reviewable', 'true', {
      timeout: 15_000,
    }),
  );
  await page.keyboard.press('F6');
  await expect(page.getByTestId('review-panel')).toHaveAttribute('data-waiting', 'true', {
    timeout: 20_000,
  });
  const pass = page.getByRole('radio', { name: '审核通过' });
  await expect(pass).toBeFocused();
  await page.keyboard.press('Space');
  await expect(pass).toBeChecked();
  await page.getByTestId('review-opinion').fill('处方合理，用法用量适宜');
  await scanUntil(page, ownVoucher ?? '', () =>
    expect(page.getByTestId('review-outcome')).toHaveAttribute('data-result', 'pass', {
      timeout: 10_000,
    }),
  );
  await page.keyboard.press('F7');
  const screen = page.getByTestId('dispense-screen');
  await expect(screen).toHaveAttribute('data-state', 'open', { timeout: 20_000 });
  const code = traceCode();
  await scanUntil(page, code, () =>
    expect(page.locator(`[data-testid=line-code][data-code="${code}"]`)).toHaveCount(1, {
      timeout: 5_000,
    }),
  );
  await page.keyboard.press('F9');
  await expect(screen).toHaveAttribute('data-state', 'completed', { timeout: 20_000 });
  const hiRxno = (await screen.getAttribute('data-hi-rxno')) ?? '';
  const preview = page.getByTestId('settle-preview');
  await expect(async () => {
    if (!(await preview.isVisible())) await page.keyboard.press('F5');
    await expect(preview).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout: 60_000 });
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('settle-result')).toHaveAttribute('data-state', 'settled', {
    timeout: 30_000,
  });
  const setlId = (await page.getByTestId('settle-setl-id').textContent()) ?? '';
  // A refund waits until the sale's 7207/3505 reached the center (R-SALES-UP).
  await expect(async () => {
    await page.getByTestId('uploads-refresh').first().click();
    for (const infno of ['7207', '3505']) {
      await expect(
        page.locator(`[data-testid=sale-upload][data-infno="${infno}"]`).first(),
      ).toHaveAttribute('data-state', 'delivered', { timeout: 2_000 });
    }
  }).toPass({ timeout: 60_000 });
  return { hiRxno, setlId };
}

test.beforeEach(async ({ page }) => {
  await login(page, pharmacist.username, pharmacist.password);
});

test('settle, back to the counter, scan the 结算ID into the lookup, reprint (补打), refund it, refund slip shown [R-REVERSE][R-KEEP][R-SETTLE]', async ({
  page,
}) => {
  test.setTimeout(200_000);
  const { hiRxno, setlId } = await settledAtCounter(page);
  expect(setlId).toMatch(/^\w{10,}$/);

  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('dispense-screen')).toHaveCount(0);
  await page.keyboard.press('Alt+h');
  const lookup = page.getByTestId('lookup-screen');
  await expect(lookup).toBeVisible();
  await scanUntil(page, setlId, () =>
    expect(page.getByTestId('lookup-row')).toHaveCount(1, { timeout: 5_000 }),
  );
  const row = page.getByTestId('lookup-row');
  await expect(row).toContainText(setlId);
  await expect(row).toHaveAttribute('data-state', 'settled');
  await expect(row).toContainText('阿莫西林');
  await expect(row).toContainText('张*');
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.screenshot({ path: 'test-results/screens/settlement-lookup-1366.png' });

  await page.keyboard.press('Shift+F5');
  const reprint = page.getByTestId('lookup-receipt-reprint');
  await expect(reprint).toBeVisible();
  const text = reprint.getByTestId('receipt-text');
  await expect(text).toContainText('医保结算单（补打）');
  await expect(text).toContainText('补打时间');
  await expect(text).toContainText(setlId);
  await page.screenshot({ path: 'test-results/screens/settlement-reprint-1366.png' });

  await page.keyboard.press('Alt+y');
  await expect(page.getByTestId('lookup-refund-reason')).toBeFocused();
  await page.keyboard.type('患者下午回来退药');
  await page.keyboard.press('Enter');
  const slip = page.getByTestId('lookup-receipt-refundSlip');
  await expect(slip).toBeVisible({ timeout: 40_000 });
  await expect(slip).toContainText('医保退费凭证');
  await expect(slip).toContainText(`原结算ID：`);
  await expect(slip).toContainText(setlId);
  await expect(slip).toContainText('退回个人账户');
  await expect(row).toHaveAttribute('data-state', 'refunded');
  await expect(page.getByTestId('lookup-refund-reason')).toHaveCount(0);
  await expect(page.locator('.ant-modal-mask')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/screens/settlement-refund-slip-1366.png' });

  const settlements = await sandboxCall<{ settlements: Array<{ setl_id: string; stas: string }> }>(
    `/x/sandbox/settlements?hi_rxno=${encodeURIComponent(hiRxno)}`,
  );
  expect(settlements.settlements.map((s) => [s.setl_id, s.stas])).toEqual([[setlId, '2']]);
});
