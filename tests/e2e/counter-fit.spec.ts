import { expect, test } from '@playwright/test';
import { DEMO_PATIENTS } from '../../src/sandbox/seed-data';
import { DEMO_STAFF } from '../../src/store/demo-staff';
import { dispensed, ensureOnDuty, openRx, prescribe, reviewPass, traceCodes } from './counter-flow';
import { login, scanUntil } from './support';

/**
 * Issue 19 items 8 and 13 and F5: insurance problems in red at identification and download,
 * dispensing on insurance refused for a suspended person; the prescription page fits 1366×768
 * (drugs beside the opinion, folding sections) and 1024×768; F5 right after review previews.
 */
const pharmacist = DEMO_STAFF.find((s) => s.role === 'pharmacist');
const zhaoLei = DEMO_PATIENTS.find((p) => p.name === '赵磊');
const chenJing = DEMO_PATIENTS.find((p) => p.name === '陈静');
if (!pharmacist || !zhaoLei || !chenJing) throw new Error('demo data missing');

const OMEPRAZOLE = 'XA02BCA010E001020100889';
const AMLODIPINE = { code: 'XC08CAA010A001010201587', productId: '8020741' };
const traceCode = traceCodes(7_000_000_000);

test.beforeEach(async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await login(page, pharmacist.username, pharmacist.password);
});

test('identification shows a suspended person and an 异地 person in red with the next step [R-SETTLE][R-REGION]', async ({
  page,
}) => {
  await scanUntil(page, zhaoLei.ecToken, () =>
    expect(page.getByTestId('patient-name')).toHaveText(zhaoLei.name, { timeout: 5_000 }),
  );
  const suspended = page.locator('[data-testid=insurance-notice][data-kind=not-insured]');
  await expect(suspended).toContainText('参保状态：暂停参保');
  await expect(suspended).toContainText('医保结算不可用');
  await expect(suspended).toContainText('下一步');
  await expect(suspended.getByTestId('rule-details')).toContainText('R-SETTLE');
  await page.screenshot({ path: 'test-results/screens/identify-suspended-1366.png' });

  await scanUntil(page, chenJing.ecToken, () =>
    expect(page.getByTestId('patient-name')).toHaveText(chenJing.name, { timeout: 5_000 }),
  );
  const remote = page.locator('[data-testid=insurance-notice][data-kind=remote]');
  await expect(remote).toContainText('异地参保：参保地 四川省成都市（510100）');
  await expect(remote).toContainText('备案');
  await page.screenshot({ path: 'test-results/screens/identify-remote-1366.png' });
});

test('the downloaded prescription of a suspended person says so, and F7 is refused before any scan [R-SETTLE]', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await ensureOnDuty(page);
  await openRx(page, await prescribe([OMEPRAZOLE], zhaoLei.name));
  await expect(page.locator('[data-testid=insurance-notice][data-kind=not-insured]')).toContainText(
    '暂停参保',
  );
  await page.screenshot({ path: 'test-results/screens/rx-suspended-1366.png' });
  await reviewPass(page);
  await page.keyboard.press('F7');
  const refusal = page.getByTestId('error-banner');
  await expect(refusal).toHaveAttribute('data-rule', 'R-SETTLE');
  await expect(refusal).toContainText('不能按医保调剂');
  await expect(page.getByTestId('dispense-screen')).toHaveCount(0);
});

test('at 1366×768 the drugs sit beside the opinion, quick-phrases fill it; the layout file and checks fold and stay folded [R-OPINION][R-LAYOUT]', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await ensureOnDuty(page);
  await openRx(page, await prescribe([AMLODIPINE.code]));
  await page.keyboard.press('F6');
  const opinion = page.getByTestId('review-opinion');
  await expect(opinion).toBeVisible({ timeout: 20_000 });
  const drugs = page.getByTestId('review-drugs');
  await expect(opinion).toBeInViewport();
  await expect(drugs.getByTestId('drug-line').first()).toBeInViewport();
  const o = await opinion.boundingBox();
  const d = await drugs.boundingBox();
  expect(d && o && d.x > o.x + o.width - 1).toBe(true);
  // Opinion quick-phrases: Ctrl+Shift+digit inserts, a second one is appended.
  await opinion.focus();
  await page.keyboard.press('Control+Shift+Digit1');
  await expect(opinion).toHaveValue('处方合理，用法用量适宜，无配伍禁忌');
  await page.keyboard.press('Control+Shift+Digit3');
  await expect(opinion).toHaveValue(
    '处方合理，用法用量适宜，无配伍禁忌；已告知用法用量、注意事项及不良反应',
  );
  await expect(opinion).toBeFocused();
  await page.screenshot({ path: 'test-results/screens/rx-review-1366.png' });

  await page.keyboard.press('Control+Shift+F');
  await page.keyboard.press('Control+Shift+H');
  await expect(page.getByTestId('fold-layout')).toHaveAttribute('data-folded', 'true');
  await expect(page.getByTestId('layout-viewer')).toHaveCount(0);
  await expect(page.getByTestId('signature-panel')).toHaveCount(0);
  // Still in view while the page scrolls: the prescription's number and status.
  await page.mouse.wheel(0, 2000);
  await expect(page.getByTestId('rx-hi-rxno')).toBeInViewport();
  await page.screenshot({ path: 'test-results/screens/rx-folded-1366.png' });

  // Remembered for the session: the next prescription opens folded.
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await openRx(page, await prescribe([AMLODIPINE.code]));
  await expect(page.getByTestId('fold-layout')).toHaveAttribute('data-folded', 'true');
  await page.keyboard.press('Control+Shift+F');
  await expect(page.getByTestId('layout-viewer')).toBeVisible();

  await page.setViewportSize({ width: 1024, height: 768 });
  await page.keyboard.press('F6');
  await expect(page.getByTestId('review-opinion')).toBeVisible({ timeout: 20_000 });
  const table = page.getByTestId('drug-lines').first();
  expect((await table.boundingBox())?.width ?? 0).toBeGreaterThanOrEqual(560);
  await page.getByRole('radio', { name: '审核通过' }).focus();
  await page.screenshot({ path: 'test-results/screens/rx-review-1024.png' });
  await page.keyboard.press('Escape');
  await page.screenshot({ path: 'test-results/screens/rx-1024.png', fullPage: true });
});

test('F5 once, right after the review, previews: the backend waits for the 7206 [R-OPINION][R-SETTLE]', async ({
  page,
}) => {
  test.setTimeout(150_000);
  await dispensed(page, traceCode, [AMLODIPINE]);
  await page.keyboard.press('F5');
  await expect(page.getByTestId('settle-preview')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId('settle-error')).toHaveCount(0);
  // The year's first small purchase stays under Chongqing's 起付线: the 0.00 fund is explained.
  await expect(page.getByTestId('split-fund')).toHaveAttribute('data-fen', '0');
  const why = page.getByTestId('split-fund-why');
  await expect(why).toContainText('计入起付线');
  await expect(why).toContainText('支付比例');
  await page.screenshot({ path: 'test-results/screens/settle-zero-fund-1366.png' });
});

test('a patient’s prescriptions are told apart by 尾号 and drugs, at the counter and in F8 [R-CHECKS]', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await ensureOnDuty(page);
  await openRx(page, await prescribe([OMEPRAZOLE], chenJing.name));
  await openRx(page, await prescribe([AMLODIPINE.code], chenJing.name));
  await page.keyboard.press('Escape');
  await scanUntil(page, chenJing.ecToken, () =>
    expect(page.getByTestId('rx-candidate').first()).toBeVisible({ timeout: 5_000 }),
  );
  const tails = await page.getByTestId('rx-candidate-tail').allTextContents();
  expect(tails.length).toBeGreaterThanOrEqual(2);
  for (const t of tails) expect(t).toMatch(/^尾号 \d{6}$/);
  expect(new Set(tails).size).toBe(tails.length);
  const drugs = await page.getByTestId('rx-candidate-drugs').allTextContents();
  expect(drugs).toEqual(expect.arrayContaining(['奥美拉唑肠溶胶囊', '苯磺酸氨氯地平片']));
  await page.screenshot({ path: 'test-results/screens/rx-candidates-1366.png' });
  await page.keyboard.press('F8');
  await expect(page.getByTestId('recent-rx-drugs').first()).toContainText('医师');
  await expect(page.getByTestId('recent-rx-tail').first()).toHaveText(/^尾号 \d{6}$/);
  await page.screenshot({ path: 'test-results/screens/recent-rx-1366.png' });
});
