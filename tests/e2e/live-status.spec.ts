import { expect, type Page, test } from '@playwright/test';
import { DEMO_PATIENTS } from '../../src/sandbox/seed-data';
import { DEMO_STAFF } from '../../src/store/demo-staff';
import { ensureOnDuty, openRx, prescribe, reviewPass, traceCodes } from './counter-flow';
import { login, sandboxCall, scannerBurst, scanUntil } from './support';

const pharmacist = DEMO_STAFF.find((x) => x.role === 'pharmacist');
if (!pharmacist) throw new Error('demo pharmacist missing');
/** config/catalog/drugs.json (amoxicillin). */
const AMOXICILLIN = { code: 'XJ01CAA040A001010100435', productId: '8010371' };
const traceCode = traceCodes(9_100_000_000);
const patient = DEMO_PATIENTS[0];
if (!patient) throw new Error('demo patient missing');

/** F8: the row of this prescription says `label`; Esc closes the list. */
async function f8Says(page: Page, hiRxno: string, label: string): Promise<void> {
  await page.keyboard.press('F8');
  const status = page
    .locator(`[data-testid=recent-rx][data-hi-rxno="${hiRxno}"]`)
    .getByTestId('recent-rx-status');
  await expect(status).toHaveText(label, { timeout: 10_000 });
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('recent-rx-modal')).toHaveCount(0);
}

test.beforeEach(async ({ page }) => {
  await login(page, pharmacist.username, pharmacist.password);
});

test('header and F8 list show one live status through review, settlement and refund, the next step highlighted [R-STATUS][R-SETTLE][R-REVERSE]', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  await ensureOnDuty(page);
  await openRx(page, await prescribe([AMOXICILLIN.code]));
  const header = page.getByTestId('rx-status');
  const hiRxno = (await page.getByTestId('rx-hi-rxno').textContent()) ?? '';
  await expect(header).toHaveText('有效·待审方');
  await expect(page.getByTestId('rx-review')).toHaveClass(/ant-btn-primary/);
  await f8Says(page, hiRxno, '有效·待审方');

  await reviewPass(page);
  await expect(header).toHaveText('审核通过·待调剂', { timeout: 10_000 });
  await expect(page.getByTestId('rx-dispense')).toHaveClass(/ant-btn-primary/);
  await page.keyboard.press('F6');
  await expect(page.getByTestId('rx-review')).not.toHaveClass(/ant-btn-primary/);
  await page.screenshot({ path: 'test-results/screens/live-status-reviewed-1366.png' });
  await f8Says(page, hiRxno, '审核通过·待调剂');

  await page.keyboard.press('F7');
  const screen = page.getByTestId('dispense-screen');
  await expect(screen).toHaveAttribute('data-state', 'open', { timeout: 20_000 });
  await f8Says(page, hiRxno, '调剂中');
  const code = traceCode(AMOXICILLIN.productId);
  await scanUntil(page, code, () =>
    expect(page.locator(`[data-testid=line-code][data-code="${code}"]`)).toHaveCount(1, {
      timeout: 5_000,
    }),
  );
  await page.keyboard.press('F9');
  await expect(screen).toHaveAttribute('data-state', 'completed', { timeout: 20_000 });
  await f8Says(page, hiRxno, '已调剂·待结算');
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
  await f8Says(page, hiRxno, '已结算');
  await expect(async () => {
    await page.getByTestId('uploads-refresh').first().click();
    for (const infno of ['7207', '3505']) {
      await expect(
        page.locator(`[data-testid=sale-upload][data-infno="${infno}"]`).first(),
      ).toHaveAttribute('data-state', 'delivered', { timeout: 2_000 });
    }
  }).toPass({ timeout: 60_000 });

  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('dispense-screen')).toHaveCount(0);
  await page.keyboard.press('Alt+h');
  await scanUntil(page, setlId, () =>
    expect(page.getByTestId('lookup-row')).toHaveCount(1, { timeout: 5_000 }),
  );
  await page.keyboard.press('Alt+y');
  await expect(page.getByTestId('lookup-refund-reason')).toBeFocused();
  await page.keyboard.type('患者下午回来退药');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('lookup-row')).toHaveAttribute('data-state', 'refunded', {
    timeout: 40_000,
  });
  const lookup = page.getByTestId('lookup-screen');
  await expect(async () => {
    if (await lookup.isVisible()) await page.keyboard.press('Escape');
    await expect(lookup).toHaveCount(0, { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await f8Says(page, hiRxno, '已退费');
  await page.keyboard.press('F8');
  await page.locator(`[data-testid=recent-rx][data-hi-rxno="${hiRxno}"]`).click();
  await page.keyboard.press('Enter');
  await expect(header).toHaveText('已退费', { timeout: 15_000 });
  await expect(page.getByTestId('rx-review')).not.toHaveClass(/ant-btn-primary/);
  await expect(page.getByTestId('rx-dispense')).not.toHaveClass(/ant-btn-primary/);
  await page.screenshot({ path: 'test-results/screens/live-status-refunded-1366.png' });
});

test('a center that stops answering shows the 医保中心离线 banner with what still works; it goes when the center answers [R-CENTER][R-SALES-UP]', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  await ensureOnDuty(page);
  const banner = page.getByTestId('center-offline');
  await expect(banner).toHaveCount(0);
  await sandboxCall('/x/sandbox/faults', { target: '*', kind: 'http5xx', phase: 'before' });
  try {
    for (let i = 0; i < 2; i++) {
      await scannerBurst(page, patient.ecToken);
      await expect(page.getByTestId('error-banner')).toContainText('无法连接医保中心', {
        timeout: 15_000,
      });
    }
    await expect(banner).toBeVisible({ timeout: 10_000 });
    await expect(banner).toContainText('医保中心离线');
    await expect(banner).toContainText('仍可使用：审方（已下载的处方）、调剂发药');
    await expect(page.getByTestId('center-status')).toHaveAttribute('data-offline', 'true');
    await page.screenshot({ path: 'test-results/screens/center-offline-1366.png' });
  } finally {
    await fetch(`${process.env.E2E_SANDBOX_URL}/x/sandbox/faults`, { method: 'DELETE' });
  }
  await scannerBurst(page, patient.ecToken);
  // The center answers again (here: this demo voucher has expired), so the banner goes.
  await expect(banner).toHaveCount(0, { timeout: 15_000 });
  await expect(page.getByTestId('center-status')).not.toHaveAttribute('data-offline', 'true');
});
