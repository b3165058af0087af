import { expect, type Locator, type Page, test } from '@playwright/test';
import { maskIdNumber, maskName } from '../../src/domain/mask';
import { DEMO_PATIENTS } from '../../src/sandbox/seed-data';
import { DEMO_STAFF } from '../../src/store/demo-staff';
import { imeBurst, login, scannerBurst } from './support';

const staff = (role: string) => {
  const s = DEMO_STAFF.find((x) => x.role === role);
  if (!s) throw new Error(`demo staff ${role} missing`);
  return s;
};
const pharmacist = staff('pharmacist');
const cashier = staff('cashier');
const admin = staff('admin');
const zhangWei = DEMO_PATIENTS.find((p) => p.name === '张伟');
if (!zhangWei) throw new Error('demo patient 张伟 missing');

/** Demo prescriptions of the sandbox (docs/sandbox.md, “Demo prescriptions”). */
const DEMO = {
  /** #1, 张伟: signature, 7205 and layout all pass. */
  verifiedDiagnosis: '2型糖尿病',
  /** #9, 王芳: an ordinary prescription, downloaded by its QR alone. */
  qr: 'EPCQR013KLCW4ATGVZT973D6Q76',
  qrPatientSurname: '王',
  /** Prescriptions the counter must refuse, each with the rule that refuses it. */
  blocked: [
    { qr: 'EPCQR01CPVJS296YCXG2PP73GJV', rule: 'R-EXCLUDED', what: 'an excluded drug class' },
    {
      qr: 'EPCQR01MAP6QF765QT68ZS44K81',
      rule: 'R-LONGRX',
      what: 'a long prescription over 12 weeks',
    },
    { qr: 'EPCQR01QGJ2QTMU6QCZBHKMN307', rule: 'R-VALID', what: 'an expired prescription' },
    {
      qr: 'EPCQR01QSQY80KXR1TUW8389H7Q',
      rule: 'R-STATUS',
      what: 'a prescription revoked by the hospital',
    },
  ],
  homeRegion: '500000',
  otherRegion: '441900',
} as const;

/**
 * Lets the page finish what log-in started (first renders, first outbox poll): a burst typed
 * while the main thread is busy arrives with gaps no scanner has and is taken for typing.
 */
async function settle(page: Page): Promise<void> {
  await expect(page.getByTestId('outbox-status')).toHaveAttribute('data-pending', /\d+/);
  await page.evaluate(
    () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
  );
}

/**
 * Scans a prescription QR (through an IME, as a Chinese counter PC types) until its screen
 * opens: on a loaded machine a burst can still reach a page mid-render and be lost, and a
 * pharmacist would simply scan again.
 */
async function scanQrUntilOpen(page: Page, qr: string): Promise<void> {
  const screen = page.getByTestId('prescription-screen');
  await expect(async () => {
    if (await screen.isVisible()) return;
    await imeBurst(page, qr);
    await expect(screen).toBeVisible({ timeout: 10_000 });
  }).toPass({ timeout: 60_000, intervals: [500] });
}

async function scanVoucher(page: Page, token: string): Promise<void> {
  await settle(page);
  await scannerBurst(page, token);
}

/** Chooses the candidate whose row shows `text` with the keyboard only, and downloads it. */
async function downloadCandidate(page: Page, text: string): Promise<void> {
  const rows = page.getByTestId('rx-candidate');
  await expect(rows.first()).toBeVisible();
  const texts = await rows.allInnerTexts();
  const index = texts.findIndex((t) => t.includes(text));
  expect(index, `candidate showing ${text} in:\n${texts.join('\n')}`).toBeGreaterThanOrEqual(0);
  await expect(page.getByTestId('rx-candidate-list')).toBeFocused();
  await page.keyboard.press('Home');
  for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown');
  await expect(rows.nth(index)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('prescription-screen')).toBeVisible({ timeout: 20_000 });
}

async function openZhangWeiRx(page: Page, diagnosis: string): Promise<void> {
  await scanVoucher(page, zhangWei?.ecToken ?? '');
  await expect(page.getByTestId('patient-card')).toContainText('张伟');
  await expect(page.getByTestId('rx-candidates')).toBeVisible({ timeout: 20_000 });
  await downloadCandidate(page, diagnosis);
}

/** Pixels of the layout canvases that are not (near) white: pdf.js paints the page white first. */
async function inkedPixels(pages: Locator): Promise<number> {
  return pages.evaluate((host) => {
    let inked = 0;
    for (const canvas of host.querySelectorAll('canvas')) {
      const ctx = canvas.getContext('2d');
      if (!ctx || canvas.width === 0) continue;
      const d = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
      for (let i = 0; i < d.length; i += 4) {
        if ((d[i] ?? 255) < 200 || (d[i + 1] ?? 255) < 200 || (d[i + 2] ?? 255) < 200) inked++;
      }
    }
    return inked;
  });
}

/** In the open region dialog: ↑↓ to the region, Enter switches (administrators only). */
async function chooseRegion(page: Page, regionId: string): Promise<void> {
  await expect(page.getByTestId('region-list')).toBeFocused();
  const ids = await page
    .getByTestId('region-option')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-region-id')));
  const index = ids.indexOf(regionId);
  expect(index, `region ${regionId} in ${ids.join(', ')}`).toBeGreaterThanOrEqual(0);
  await page.keyboard.press('Home');
  for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
}

test('an e-voucher scan lists the patient’s prescriptions; Enter downloads one, verified [R-AUTH][ST-EPC-02-001][R-SIGN][ST-EPC-02-008]', async ({
  page,
}) => {
  await login(page, pharmacist.username, pharmacist.password);
  await openZhangWeiRx(page, DEMO.verifiedDiagnosis);
  const screen = page.getByTestId('prescription-screen');
  await expect(screen).toHaveAttribute('data-reviewable', 'true');
  await expect(page.getByTestId('rx-verdict')).toContainText('可进入审方');
  await expect(page.getByTestId('rx-patient-name')).toContainText('张');
  await expect(page.getByTestId('rx-patient-certno')).toHaveText(/^5001\*+1238$/);
  await expect(page.getByTestId('findings-block')).toHaveCount(0);

  const sign = page.getByTestId('signature-panel');
  await expect(sign).toHaveAttribute('data-local-valid', 'true');
  await expect(sign).toHaveAttribute('data-center-state', 'passed');
  await expect(page.getByTestId('sign-cert')).toBeVisible();
  await expect(page.getByTestId('sign-cert-institution')).not.toBeEmpty();
});

test('the layout file is painted in the app and every compared field is ✓ 一致; the drawn file masks the ID number and name as the table does [R-LAYOUT][ST-EPC-02-007]', async ({
  page,
}) => {
  await login(page, pharmacist.username, pharmacist.password);
  await openZhangWeiRx(page, DEMO.verifiedDiagnosis);
  const pages = page.getByTestId('layout-pages');
  await expect(pages).toHaveAttribute('data-state', 'ready', { timeout: 20_000 });
  await expect(pages.locator('canvas')).not.toHaveCount(0);
  expect(await inkedPixels(pages)).toBeGreaterThan(500);

  const compare = page.getByTestId('layout-compare');
  await expect(compare).toHaveAttribute('data-outcome', 'matches');
  const rows = compare.getByTestId('layout-row');
  expect(await rows.count()).toBeGreaterThan(3);
  for (const row of await rows.all()) {
    await expect(row).toHaveAttribute('data-outcome', 'matches');
    await expect(row.getByTestId('layout-result')).toHaveText('✓ 一致');
  }
  expect(await page.getByTestId('layout-compare').innerText()).not.toContain(zhangWei.certno);

  // The drawn file masks the patient's ID number and name exactly as the table does.
  const drawn = pages.getByTestId('layout-text');
  await expect(drawn.first()).toContainText(maskIdNumber(zhangWei.certno));
  await expect(drawn.first()).toContainText(maskName(zhangWei.name));
  const drawnText = (await drawn.allTextContents()).join('\n');
  expect(drawnText).not.toContain(zhangWei.certno);
  expect(drawnText).not.toContain(`${zhangWei.name}`);
  await expect(compare.locator('[data-testid=layout-row]', { hasText: '证件号码' })).toContainText(
    maskIdNumber(zhangWei.certno),
  );
  await page.setViewportSize({ width: 1366, height: 768 });
  await pages.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screens/layout-preview-masked-1366.png' });
});

test('Esc returns to the counter with the prescription marked downloaded; F8 lists it and Enter reopens it [R-CENTER]', async ({
  page,
}) => {
  await login(page, pharmacist.username, pharmacist.password);
  await openZhangWeiRx(page, DEMO.verifiedDiagnosis);
  const hiRxno = await page.getByTestId('prescription-screen').getAttribute('data-hi-rxno');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('prescription-screen')).toHaveCount(0);
  await expect(
    page.locator(`[data-testid=rx-candidate][data-hi-rxno="${hiRxno}"]`),
  ).toHaveAttribute('data-downloaded', 'true');

  await page.keyboard.press('F8');
  const recent = page.locator(`[data-testid=recent-rx][data-hi-rxno="${hiRxno}"]`);
  await expect(recent).toBeVisible();
  await expect(recent).not.toContainText('张伟');
  await expect(page.getByTestId('recent-rx-list')).toBeFocused();
  const index = await page
    .getByTestId('recent-rx')
    .evaluateAll((els, no) => els.findIndex((e) => e.getAttribute('data-hi-rxno') === no), hiRxno);
  for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('prescription-screen')).toHaveAttribute(
    'data-hi-rxno',
    hiRxno ?? '',
  );
  await page.keyboard.press('Shift+F6');
  await expect(page.getByTestId('rx-refresh')).not.toHaveClass(/loading/);
  await expect(page.getByTestId('prescription-screen')).toHaveAttribute('data-reviewable', 'true');
});

test('a prescription QR scanned anywhere downloads that prescription at once [R-AUTH][ST-EPC-02-001]', async ({
  page,
}) => {
  await login(page, pharmacist.username, pharmacist.password);
  await page.getByTestId('cert-input').focus();
  await settle(page);
  await imeBurst(page, DEMO.qr);
  await expect(page.getByTestId('last-scan')).toHaveAttribute('data-kind', 'rx-qr');
  await expect(page.getByTestId('prescription-screen')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId('rx-patient-name')).toContainText(DEMO.qrPatientSurname);
  await expect(page.getByTestId('prescription-screen')).toHaveAttribute('data-reviewable', 'true');
  await expect(page.getByTestId('layout-pages')).toHaveAttribute('data-state', 'ready', {
    timeout: 20_000,
  });
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('cert-input')).toHaveValue('');
});

for (const blocked of DEMO.blocked) {
  test(`${blocked.what} shows the red banner with its rule id and 不可审核、不可结算 [${blocked.rule}]`, async ({
    page,
  }) => {
    test.setTimeout(90_000);
    await login(page, pharmacist.username, pharmacist.password);
    await settle(page);
    await scanQrUntilOpen(page, blocked.qr);
    const screen = page.getByTestId('prescription-screen');
    await expect(screen).toHaveAttribute('data-reviewable', 'false');
    await expect(page.getByTestId('rx-verdict')).toContainText('不可审核、不可结算');
    // The rule id is in the finding's details line, not in the verdict a user reads first.
    await expect(page.getByTestId('rx-verdict')).not.toContainText(blocked.rule);
    const banner = page.getByTestId('findings-block');
    await expect(banner).toBeVisible();
    const finding = banner.locator(`[data-testid=finding][data-rule="${blocked.rule}"]`);
    await expect(finding).toBeVisible();
    await expect(finding.getByTestId('rule-details')).toContainText(`规则 ${blocked.rule}`);
    await expect(page.getByTestId('rx-verdict')).toHaveCSS('color', 'rgb(183, 28, 28)');
  });
}

test('a cashier sees the region pack read-only and why [R-REGION]', async ({ page }) => {
  await login(page, cashier.username, cashier.password);
  await page.keyboard.press('F10');
  const settings = page.getByTestId('region-settings');
  await expect(settings).toHaveAttribute('data-can-switch', 'false');
  await expect(page.getByTestId('region-current')).toBeVisible();
  await expect(page.getByTestId('region-readonly')).toContainText('仅管理员');
  await expect(page.getByTestId('region-apply')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(settings).toBeHidden();
});

test('an administrator switches the region and the open prescription’s outcome changes [R-REGION]', async ({
  page,
}) => {
  await login(page, admin.username, admin.password);
  await openZhangWeiRx(page, DEMO.verifiedDiagnosis);
  const screen = page.getByTestId('prescription-screen');
  await expect(screen).toHaveAttribute('data-reviewable', 'true');
  const regionTag = page.getByTestId('rx-region');
  await expect(regionTag).toHaveAttribute('data-region', DEMO.homeRegion);

  await page.keyboard.press('F10');
  await expect(page.getByTestId('region-settings')).toHaveAttribute('data-can-switch', 'true');
  await chooseRegion(page, DEMO.otherRegion);
  try {
    await expect(page.getByTestId('region-settings')).toBeHidden();
    await expect(regionTag).toHaveAttribute('data-region', DEMO.otherRegion);
    await expect(screen).toHaveAttribute('data-reviewable', 'false');
    await expect(
      page.locator('[data-testid=findings-block] [data-testid=finding][data-rule="R-REGION"]'),
    ).toBeVisible();
    await expect(page.getByTestId('rx-verdict')).toContainText('不可审核、不可结算');
  } finally {
    await page.keyboard.press('F10');
    await chooseRegion(page, DEMO.homeRegion);
  }
  await expect(regionTag).toHaveAttribute('data-region', DEMO.homeRegion);
  await expect(screen).toHaveAttribute('data-reviewable', 'true');
  await expect(page.getByTestId('findings-block')).toHaveCount(0);
});

test('F1 help lists the prescription keys F5, F8, F10 [ARCH]', async ({ page }) => {
  await login(page, pharmacist.username, pharmacist.password);
  await page.keyboard.press('F1');
  const help = page.getByTestId('help-overlay');
  for (const key of ['F5', 'F8', 'F10', '处方二维码']) await expect(help).toContainText(key);
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
  await expect(page.getByTestId('cert-input')).toBeVisible();
});
