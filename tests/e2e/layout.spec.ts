import { expect, type Page, test } from '@playwright/test';
import type { Browser } from 'playwright-core';
import type { Out7203 } from '../../src/center/rx/fsi-72xx';
import { createPrescription } from '../../src/sandbox/hospital/create-prescription';
import type { RxView } from '../../src/sandbox/rx/rx-view';
import { DEMO_PATIENTS } from '../../src/sandbox/seed-data';
import { DEMO_STAFF } from '../../src/store/demo-staff';
import {
  chromiumLayoutPdf,
  hospitalForm,
  launchChromium,
  reportlabLayoutPdf,
} from '../support/layout-pdfs';
import { login, scanUntil } from './support';

/** The counter's usual screen; the screenshots of this file are looked at before a release. */
test.use({ viewport: { width: 1366, height: 768 } });

const pharmacist = DEMO_STAFF.find((s) => s.role === 'pharmacist');
const ownVoucher = DEMO_PATIENTS.find((p) => p.certno === pharmacist?.certno)?.ecToken;
if (!pharmacist || !ownVoucher) throw new Error('demo pharmacist missing');
const AMLODIPINE = 'XC08CAA010A001010201587';

const asRx = (v: RxView) => v as unknown as Pick<Out7203, 'data' | 'mdtrtinfo' | 'rxdrugdetail'>;

let printer: Browser;
test.beforeAll(async () => {
  printer = await launchChromium();
});
test.afterAll(async () => {
  await printer?.close();
});

/** The sandbox hospital issues a prescription whose layout file Chromium printed from its 处方笺 page. */
async function prescribe(
  opts: { image?: boolean; quantity1?: string; twoPages?: boolean; reportlab?: boolean } = {},
): Promise<string> {
  const baseUrl = process.env.E2E_SANDBOX_URL;
  if (!baseUrl) throw new Error('E2E_SANDBOX_URL missing');
  const rx = await createPrescription(
    { baseUrl },
    {
      patient: '张伟',
      drugs: [AMLODIPINE],
      renderLayout: (v) => {
        const form = hospitalForm(asRx(v), opts.quantity1 ? { quantity1: opts.quantity1 } : {});
        if (opts.reportlab) return reportlabLayoutPdf(form);
        return chromiumLayoutPdf(printer, form, {
          image: opts.image ?? false,
          twoPages: opts.twoPages ?? false,
        });
      },
    },
  );
  return rx.qr;
}

async function openOnDuty(page: Page, qr: string): Promise<void> {
  await login(page, pharmacist?.username ?? '', pharmacist?.password ?? '');
  const chip = page.getByTestId('shift-status');
  await expect(chip).toHaveAttribute('data-may-review', /true|false/);
  if ((await chip.getAttribute('data-mine')) !== 'open') await page.keyboard.press('F12');
  await expect(chip).toHaveAttribute('data-mine', 'open');
  await scanUntil(page, qr, () =>
    expect(page.getByTestId('prescription-screen')).toBeVisible({ timeout: 15_000 }),
  );
  await expect(page.getByTestId('layout-pages')).toHaveAttribute('data-state', 'ready', {
    timeout: 20_000,
  });
}

test('a Chromium-printed 处方笺 verifies end to end: every field ✓ 一致 and the prescription may be reviewed [R-LAYOUT][ST-EPC-02-007]', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await openOnDuty(page, await prescribe());
  const compare = page.getByTestId('layout-compare');
  await expect(compare).toHaveAttribute('data-outcome', 'matches');
  for (const row of await compare.getByTestId('layout-row').all()) {
    await expect(row.getByTestId('layout-result')).toHaveText('✓ 一致');
  }
  await expect(page.getByTestId('prescription-screen')).toHaveAttribute('data-reviewable', 'true');
});

for (const [what, opts] of [
  ['a ReportLab 处方笺 with an embedded TrueType subset', { reportlab: true }],
  ['a two-page Chromium 处方笺, drug lines on page 2', { twoPages: true }],
] as const) {
  test(`${what} verifies end to end: every field ✓ 一致 [R-LAYOUT][ST-EPC-02-007]`, async ({
    page,
  }) => {
    test.setTimeout(90_000);
    await openOnDuty(page, await prescribe(opts));
    const compare = page.getByTestId('layout-compare');
    await expect(compare).toHaveAttribute('data-outcome', 'matches');
    await expect(compare.locator('[data-testid=layout-row][data-outcome=differs]')).toHaveCount(0);
    await expect(compare.locator('[data-testid=layout-row][data-outcome=unread]')).toHaveCount(0);
    await expect(page.getByTestId('prescription-screen')).toHaveAttribute(
      'data-reviewable',
      'true',
    );
  });
}

test('one value changed on the layout: ✗ 不一致, settlement blocked naming R-LAYOUT, the review cannot pass [R-LAYOUT][ST-EPC-02-007]', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await openOnDuty(page, await prescribe({ quantity1: '9 盒' }));
  const compare = page.getByTestId('layout-compare');
  await expect(compare).toHaveAttribute('data-outcome', 'differs');
  await expect(compare).toContainText('存在不一致，不得结算');
  await expect(compare.locator('[data-testid=layout-row][data-outcome=differs]')).toContainText(
    '9 盒',
  );
  const blocker = page.locator('[data-testid=finding][data-rule=R-LAYOUT][data-severity=block]');
  await expect(blocker).toContainText('不一致不得结算');
  await compare.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screens/layout-differs-1366.png' });
  await expect(page.getByTestId('prescription-screen')).toHaveAttribute('data-reviewable', 'false');
  await page.keyboard.press('F6');
  await expect(page.getByTestId('review-panel')).toHaveAttribute('data-waiting', 'true', {
    timeout: 20_000,
  });
  await expect(page.getByRole('radio', { name: '审核通过' })).toBeDisabled();
  await expect(page.getByRole('radio', { name: '审核不通过' })).toBeEnabled();
});

test('an image-only layout is unread, never a mismatch: the pharmacist confirms each group by Enter beside the file, and the review records it [R-LAYOUT][R-KEEP]', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await openOnDuty(page, await prescribe({ image: true }));
  const compare = page.getByTestId('layout-compare');
  await expect(compare).toHaveAttribute('data-outcome', 'unread');
  await expect(compare.locator('[data-testid=layout-row][data-outcome=differs]')).toHaveCount(0);
  await expect(page.locator('[data-testid=finding][data-rule=R-LAYOUT]')).toHaveAttribute(
    'data-severity',
    'warn',
  );
  await expect(page.getByTestId('layout-pages').locator('canvas')).not.toHaveCount(0);

  await page.keyboard.press('F6');
  const panel = page.getByTestId('review-panel');
  await expect(panel).toHaveAttribute('data-waiting', 'true', { timeout: 20_000 });
  const pass = page.getByRole('radio', { name: '审核通过' });
  await expect(pass).toBeFocused();
  await page.keyboard.press('Space');
  await page.getByTestId('review-opinion').fill('已对照版式文件核对，处方合理');
  const prompt = page.getByTestId('voucher-prompt');
  await expect(prompt).toHaveAttribute('data-state', 'incomplete');
  await expect(prompt).toContainText('R-LAYOUT');
  await expect(prompt.locator('.voucher-prompt-rule')).toHaveAttribute('data-rule', 'R-LAYOUT');
  await expect(prompt.locator('.voucher-prompt-sub')).not.toContainText('R-LAYOUT');
  await prompt.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screens/layout-unconfirmed-prompt-1366.png' });

  for (const group of ['rx', 'patient', 'prescriber', 'drugs']) {
    const button = page.getByTestId(`layout-confirm-${group}`);
    await button.focus();
    await page.keyboard.press('Enter');
    await expect(button).toHaveAttribute('aria-pressed', 'true');
  }
  await expect(prompt).toHaveAttribute('data-state', 'ready');
  await page.screenshot({ path: 'test-results/screens/layout-confirmed-1366.png' });
  const outcome = page.getByTestId('review-outcome');
  await scanUntil(page, ownVoucher, () =>
    expect(outcome).toHaveAttribute('data-result', 'pass', { timeout: 10_000 }),
  );
  const confirmed = page.getByTestId('review-layout-confirmed');
  await expect(confirmed).toContainText(pharmacist.displayName);
  await expect(confirmed).toContainText('处方信息、患者信息、医师与审核药师、药品明细');
});
