import { expect, type Page, test } from '@playwright/test';
import { createPrescription } from '../../src/sandbox/hospital/create-prescription';
import type { DrugOrder } from '../../src/sandbox/hospital/drug-lines';
import { DEMO_PATIENTS } from '../../src/sandbox/seed-data';
import { DEMO_STAFF } from '../../src/store/demo-staff';
import { GS, imeBurst, login, scannerBurst, scanUntil } from './support';

const staff = (role: string) => {
  const s = DEMO_STAFF.find((x) => x.role === role);
  if (!s) throw new Error(`demo staff ${role} missing`);
  return s;
};
const pharmacist = staff('pharmacist');
const cashier = staff('cashier');
/** The demo pharmacist's own e-voucher (sandbox person 张敏, seed-data.ts). */
const ownVoucher = DEMO_PATIENTS.find((p) => p.certno === pharmacist.certno)?.ecToken;
if (!ownVoucher) throw new Error('demo pharmacist e-voucher missing');

/** config/catalog/drugs.json: medListCodg, trace product id, GTIN-13. */
const AMOXICILLIN = { code: 'XJ01CAA040A001010100435', productId: '8010371', name: '阿莫西林胶囊' };
const AMLODIPINE = {
  code: 'XC08CAA010A001010201587',
  productId: '8020741',
  gtin: '6902500022466',
  name: '苯磺酸氨氯地平片',
};

/** A fresh 13-digit serial per pack, unique across runs of this file on one database. */
let serial = Date.now() % 1_000_000_000;
const traceCode = (productId: string) => `${productId}${String(serial++).padStart(13, '0')}`;

async function prescribe(drugs: Array<string | DrugOrder>): Promise<string> {
  const baseUrl = process.env.E2E_SANDBOX_URL;
  if (!baseUrl) throw new Error('E2E_SANDBOX_URL missing');
  const rx = await createPrescription({ baseUrl }, { patient: '张伟', drugs });
  return rx.qr;
}

async function settle(page: Page): Promise<void> {
  await expect(page.getByTestId('outbox-status')).toHaveAttribute('data-pending', /\d+/);
  await expect(page.getByTestId('shift-status')).toHaveAttribute('data-may-review', /true|false/);
}

async function openByQr(page: Page, qr: string): Promise<void> {
  await settle(page);
  await scanUntil(page, qr, () =>
    expect(page.getByTestId('prescription-screen')).toHaveAttribute('data-reviewable', 'true', {
      timeout: 15_000,
    }),
  );
}

async function ensureOnDuty(page: Page): Promise<void> {
  const chip = page.getByTestId('shift-status');
  await settle(page);
  if ((await chip.getAttribute('data-mine')) !== 'open') await page.keyboard.press('F12');
  await expect(chip).toHaveAttribute('data-mine', 'open');
  await expect(chip).toHaveAttribute('data-may-review', 'true');
  await expect(chip).toContainText(pharmacist.displayName);
}

/** F6, pass with an opinion, then the pharmacist's own e-voucher scan submits (R-PHARMACIST). */
async function reviewPass(page: Page, opinion: string): Promise<void> {
  await page.keyboard.press('F6');
  const panel = page.getByTestId('review-panel');
  await expect(panel).toHaveAttribute('data-waiting', 'true', { timeout: 20_000 });
  const pass = page.getByRole('radio', { name: '审核通过' });
  await expect(pass).toBeFocused();
  await page.keyboard.press('Space');
  await expect(pass).toBeChecked();
  const fillOpinion = async () => {
    await page.getByTestId('review-opinion').fill(opinion);
    await expect(page.getByTestId('voucher-prompt')).toHaveAttribute('data-state', 'ready');
    await expect(page.getByTestId('voucher-prompt')).toContainText(
      '请扫描您本人的医保电子凭证确认身份',
    );
  };
  await fillOpinion();
  const outcome = page.getByTestId('review-outcome');
  await scanUntil(page, ownVoucher ?? '', async () => {
    await expect(outcome)
      .toHaveAttribute('data-result', 'pass', { timeout: 10_000 })
      .catch(async (err: unknown) => {
        await fillOpinion();
        throw err;
      });
  });
  await expect(outcome).toContainText(opinion);
  await expect(page.getByTestId('patient-card')).toHaveCount(0);
}

async function startDispensing(page: Page, drugs: Array<string | DrugOrder>): Promise<void> {
  await login(page, pharmacist.username, pharmacist.password);
  await ensureOnDuty(page);
  await openByQr(page, await prescribe(drugs));
  await reviewPass(page, '处方合理，用法用量适宜');
  await page.keyboard.press('F7');
  await expect(page.getByTestId('dispense-screen')).toHaveAttribute('data-state', 'open', {
    timeout: 20_000,
  });
}

const line = (page: Page, code: string) =>
  page.locator(`[data-testid=dispense-line][data-code="${code}"]`);

async function scanPack(page: Page, code: string, verdict: 'accepted' | 'refused') {
  await scannerBurst(page, code);
  const banner = page.getByTestId('scan-verdict');
  await expect(banner).toHaveAttribute('data-verdict', verdict);
  await expect(banner).toContainText(verdict === 'accepted' ? '✓' : '✗');
  return banner;
}

test('a cashier cannot review: the panel is locked with the reason and rule [R-PHARMACIST][ST-EPC-02-006]', async ({
  page,
}) => {
  await login(page, cashier.username, cashier.password);
  await openByQr(page, await prescribe([AMOXICILLIN.code]));
  await expect(page.getByTestId('shift-toggle')).toHaveCount(0);
  await page.keyboard.press('F6');
  const panel = page.getByTestId('review-panel');
  await expect(panel).toBeVisible();
  await expect(panel).toContainText('R-PHARMACIST', { timeout: 20_000 });
  await expect(panel).toContainText('执业药师');
  await expect(panel).toHaveAttribute('data-waiting', 'false');
  await expect(page.getByTestId('review-form')).toHaveCount(0);

  await scannerBurst(page, ownVoucher ?? '');
  await expect(page.getByTestId('review-outcome')).toHaveCount(0);
  await expect(page.getByTestId('prescription-screen')).toBeVisible();
  await expect(page.getByTestId('history-pane')).toBeVisible();
});

test('a pharmacist on duty reviews with an opinion and her own e-voucher, then scans every pack and completes [R-TRACE][R-OPINION][ST-EPC-02-007]', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await startDispensing(page, [{ medListCodg: AMOXICILLIN.code, packs: 2 }, AMLODIPINE.code]);
  await expect(page.getByTestId('dispense-line')).toHaveCount(2);
  await expect(line(page, AMOXICILLIN.code)).toHaveAttribute('data-packs', '2');
  await expect(page.getByTestId('dispense-patient')).not.toContainText('张伟');
  await expect(page.getByTestId('dispense-complete')).toBeDisabled();

  await scanPack(page, traceCode(AMOXICILLIN.productId), 'accepted');
  await expect(line(page, AMOXICILLIN.code)).toHaveAttribute('data-scanned', '1');

  await imeBurst(page, traceCode(AMOXICILLIN.productId));
  await expect(line(page, AMOXICILLIN.code)).toHaveAttribute('data-scanned', '2');
  await expect(line(page, AMOXICILLIN.code)).toHaveAttribute('data-complete', 'true');
  await expect(page.getByTestId('last-scan')).toHaveAttribute('data-kind', 'traceability');

  await scanPack(page, traceCode(AMLODIPINE.productId), 'accepted');
  await expect(line(page, AMLODIPINE.code)).toHaveAttribute('data-scanned', '1');
  await expect(page.getByTestId('dispense-screen')).toHaveAttribute('data-ready', 'true');

  await page.keyboard.press('Enter');
  await expect(page.getByTestId('dispense-screen')).toHaveAttribute('data-state', 'completed', {
    timeout: 20_000,
  });
  await expect(page.getByTestId('guidance')).toBeVisible();

  await page.keyboard.press('Escape');
  await expect(page.getByTestId('review-panel')).toBeVisible();
  const upload = page.getByTestId('review-upload');
  await expect(upload).toHaveAttribute('data-state', /queued|delivered/);
  await expect(upload).toHaveAttribute('data-state', 'delivered', { timeout: 30_000 });
  await expect(upload).toContainText('已上传');
  await expect(page.getByTestId('review-biz-sn')).not.toBeEmpty();
});

test('a pack code sold before is blocked, showing when, on which prescription and to whom [R-TRACE-ONCE]', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const code = traceCode(AMOXICILLIN.productId);
  await startDispensing(page, [AMOXICILLIN.code]);
  await scanPack(page, code, 'accepted');
  const firstRx = await page.getByTestId('dispense-screen').getAttribute('data-hi-rxno');
  await page.keyboard.press('F9');
  await expect(page.getByTestId('dispense-screen')).toHaveAttribute('data-state', 'completed', {
    timeout: 20_000,
  });

  await openByQr(page, await prescribe([AMOXICILLIN.code]));
  await reviewPass(page, '处方合理');
  await page.keyboard.press('F7');
  await expect(page.getByTestId('dispense-screen')).toHaveAttribute('data-state', 'open');
  const banner = await scanPack(page, code, 'refused');
  await expect(banner).toHaveAttribute('data-rule', 'R-TRACE-ONCE');
  await expect(page.getByTestId('earlier-sale-rx')).toHaveText(firstRx ?? '');
  await expect(page.getByTestId('earlier-sale-time')).toHaveText(/\d{4}-\d{2}-\d{2}/);
  await expect(page.getByTestId('earlier-sale-patient')).toContainText('*');
  await expect(page.getByTestId('earlier-sale-patient')).not.toContainText('张伟');
  await expect(line(page, AMOXICILLIN.code)).toHaveAttribute('data-scanned', '0');
});

test('a code of another drug is refused and the line stays unscanned [R-NOSWAP][ST-EPC-02-010]', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await startDispensing(page, [AMOXICILLIN.code]);
  const banner = await scanPack(page, traceCode(AMLODIPINE.productId), 'refused');
  await expect(banner).toHaveAttribute('data-rule', 'R-NOSWAP');
  await expect(banner).toContainText(AMLODIPINE.name);
  await expect(line(page, AMOXICILLIN.code)).toHaveAttribute('data-scanned', '0');
  await expect(page.getByTestId('dispense-complete')).toBeDisabled();
});

test('one pack too many is refused; a scanned code can be taken off again [R-NOSWAP]', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await startDispensing(page, [AMOXICILLIN.code]);
  const first = traceCode(AMOXICILLIN.productId);
  await scanPack(page, first, 'accepted');
  const extra = traceCode(AMOXICILLIN.productId);
  const banner = await scanPack(page, extra, 'refused');
  await expect(banner).toHaveAttribute('data-reason', 'TOO_MANY');
  await expect(line(page, AMOXICILLIN.code)).toHaveAttribute('data-scanned', '1');

  await page
    .locator(`[data-testid=line-code][data-code="${first}"] [data-testid=remove-code]`)
    .click();
  await expect(line(page, AMOXICILLIN.code)).toHaveAttribute('data-scanned', '0');
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await scanPack(page, extra, 'accepted');
  await expect(line(page, AMOXICILLIN.code)).toHaveAttribute('data-scanned', '1');
});

test('an unparseable burst gets a clear message and the error tone, and lands in no field [R-TRACE]', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await login(page, pharmacist.username, pharmacist.password);
  await ensureOnDuty(page);
  await openByQr(page, await prescribe([AMOXICILLIN.code]));
  await page.keyboard.press('F6');
  const opinion = page.getByTestId('review-opinion');
  await opinion.fill('合理');
  await opinion.focus();
  await scannerBurst(page, '80103719');
  const error = page.getByTestId('error-banner');
  await expect(error).toHaveAttribute('data-code', 'VALIDATION');
  await expect(error).toContainText('20位');
  await expect(opinion).toHaveValue('合理');
  await expect(page.getByTestId('last-scan')).toHaveAttribute('data-kind', 'unknown');

  await scannerBurst(page, 'QQ-?-not-a-code');
  await expect(error).toContainText('无法识别');
  await expect(opinion).toHaveValue('合理');
  await expect(page.getByTestId('review-outcome')).toHaveCount(0);
  const values = await page
    .locator('input, textarea')
    .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
  expect(values.join('|')).not.toMatch(/8010371|not-a-code/);
});

test('after completing, the medication guidance is shown and printed with Shift+F7 [R-GUIDE][ST-EPC-02-012]', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await startDispensing(page, [AMLODIPINE.code]);
  await scanPack(page, traceCode(AMLODIPINE.productId), 'accepted');
  await page.keyboard.press('F9');
  const guidance = page.getByTestId('guidance');
  await expect(guidance).toBeVisible({ timeout: 20_000 });
  await expect(guidance).toHaveAttribute('data-rule', 'R-GUIDE');
  await expect(page.getByTestId('guidance-line')).toHaveCount(1);
  await expect(page.getByTestId('guidance-line')).toContainText(AMLODIPINE.name);

  await page.evaluate(() => {
    const w = window as Window & { printedWithSheet?: boolean };
    window.print = () => {
      w.printedWithSheet = document.body.classList.contains('printing-guidance');
      window.dispatchEvent(new Event('afterprint'));
    };
  });
  await page.keyboard.press('Shift+F7');
  await expect
    .poll(() =>
      page.evaluate(() => (window as Window & { printedWithSheet?: boolean }).printedWithSheet),
    )
    .toBe(true);
  await expect(page.locator('body')).not.toHaveClass(/printing-guidance/);
});

test('a GS1 DataMatrix scan with Ctrl+] as GS is taken for its drug [R-TRACE]', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await startDispensing(page, [AMLODIPINE.code]);
  const gs1 = `]d201${`0${AMLODIPINE.gtin}`}21P${serial++}${GS}10B2401`;
  await scanPack(page, gs1, 'accepted');
  await expect(page.getByTestId('last-scan')).toHaveAttribute('data-kind', 'gs1');
  await expect(line(page, AMLODIPINE.code)).toHaveAttribute('data-scanned', '1');
  await expect(line(page, AMLODIPINE.code).getByTestId('line-code')).toContainText('GS1');
});

test('F11 scanner test shows what a scan delivered and acts on nothing [R-TRACE]', async ({
  page,
}) => {
  await login(page, pharmacist.username, pharmacist.password);
  await settle(page);
  await page.keyboard.press('F11');
  await expect(page.getByTestId('scanner-test')).toBeVisible();
  await expect(page.getByTestId('sample-barcode')).toBeVisible();
  const code = traceCode(AMOXICILLIN.productId);
  await scannerBurst(page, code);
  await expect(page.getByTestId('scan-report-text')).toHaveText(code);
  await expect(page.getByTestId('scan-report-suffix')).toHaveAttribute('data-suffix', 'Enter');
  await expect(page.getByTestId('scan-report-gaps')).toContainText('平均');
  await expect(page.getByTestId('scan-report-parsed')).toContainText('药品追溯码');
  await expect(page.getByTestId('scan-report-captured')).toContainText('✓');

  await scannerBurst(page, ownVoucher ?? '');
  await expect(page.getByTestId('scan-report-parsed')).toContainText('医保电子凭证');
  await expect(page.getByTestId('scan-report-text')).not.toContainText(ownVoucher ?? '');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('scanner-test')).toBeHidden();
  await expect(page.getByTestId('patient-card')).toHaveCount(0);
  await expect(page.getByTestId('scan-notice')).toHaveCount(0);
});

test('an over-supplied prescription shows the usage computation; rejected as suspicious, it is listed as a lead in Alt+I [R-CHECKS][R-REPORT-SUSPECT]', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  await login(page, pharmacist.username, pharmacist.password);
  await ensureOnDuty(page);
  // 1 粒 once a day for 7 days is 7 粒; a pack holds 24, so 3 packs are 2 too many.
  await openByQr(page, await prescribe([{ medListCodg: AMOXICILLIN.code, packs: 3, days: 7 }]));
  await page.keyboard.press('F6');
  const panel = page.getByTestId('review-panel');
  await expect(panel).toHaveAttribute('data-waiting', 'true', { timeout: 20_000 });
  const warning = page.getByTestId('usage-warning');
  await expect(warning).toContainText('每次1粒 × 每日一次（每日1次） × 7天 = 7粒');
  await expect(warning).toContainText('超出2盒');

  // The first choice (pass) has the focus; → moves to the rejection.
  await expect(page.getByRole('radio', { name: '审核通过' })).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('radio', { name: '审核不通过' })).toBeChecked();
  const opinion = '处方数量远超用法用量所需，拒绝调剂';
  const reason = '7粒的疗程开具3盒（72粒），疑似超量开药';
  const fill = async () => {
    await page.getByTestId('review-opinion').fill(opinion);
    await page.getByTestId('suspect-flag').check();
    await page.getByTestId('suspect-reason').fill(reason);
    await expect(page.getByTestId('voucher-prompt')).toHaveAttribute('data-state', 'ready');
  };
  await fill();
  await page.screenshot({ path: 'test-results/screens/review-suspect-1366.png' });
  const outcome = page.getByTestId('review-outcome');
  await scanUntil(page, ownVoucher ?? '', async () => {
    await expect(outcome)
      .toHaveAttribute('data-result', 'reject', { timeout: 10_000 })
      .catch(async (err: unknown) => {
        await fill();
        throw err;
      });
  });

  await page.keyboard.press('Escape');
  await page.keyboard.press('Alt+KeyI');
  const card = page.getByTestId('risk-card-SUSPECT_RX_LEAD');
  await expect(card).toContainText('R-REPORT-SUSPECT');
  await expect(card).toHaveAttribute('data-severity', 'alert');
});

test('F11 takes the focus: a 50 ms/key scan and its trailing Enter leave the test page open [issue19-5]', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await login(page, pharmacist.username, pharmacist.password);
  await settle(page);
  await page.keyboard.press('F11');
  const testPage = page.getByTestId('scanner-test');
  await expect(testPage).toBeFocused();
  const code = traceCode(AMOXICILLIN.productId);
  await scannerBurst(page, code, 50);
  await expect(page.getByTestId('scan-report-text')).toHaveText(code);
  await expect(testPage).toBeVisible();
  await expect(page.getByTestId('scan-report-gaps')).toContainText('最长 50');
  await page.screenshot({ path: 'test-results/screens/scanner-test-1366.png' });
  await page.keyboard.press('Escape');
  await expect(testPage).toBeHidden();
});

test('a 50 ms/key scanner: the pharmacist’s e-voucher scanned into the opinion confirms the review and never becomes the opinion [R-OPINION][R-PHARMACIST][issue19-5]', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await login(page, pharmacist.username, pharmacist.password);
  await page.evaluate(() => localStorage.removeItem('epc.scanner.options'));
  await ensureOnDuty(page);
  await openByQr(page, await prescribe([AMOXICILLIN.code]));
  await page.keyboard.press('F6');
  const panel = page.getByTestId('review-panel');
  await expect(panel).toHaveAttribute('data-waiting', 'true', { timeout: 20_000 });
  await expect(page.getByRole('radio', { name: '审核通过' })).toBeFocused();
  await page.keyboard.press('Space');
  const opinion = page.getByTestId('review-opinion');
  await opinion.fill('处方合理，用法用量适宜');
  await opinion.focus();
  await scannerBurst(page, ownVoucher ?? '', 50);
  const outcome = page.getByTestId('review-outcome');
  await expect(outcome).toHaveAttribute('data-result', 'pass', { timeout: 15_000 });
  await expect(outcome).toContainText('处方合理，用法用量适宜');
  await expect(page.locator('body')).not.toContainText(ownVoucher ?? '');
  const learned = await page.evaluate(() => localStorage.getItem('epc.scanner.options'));
  expect(JSON.parse(learned ?? '{}').maxInterKeyMs).toBeGreaterThan(50);
});

test('a typed review opinion survives leaving the prescription and coming back; F9 does not log out there [R-OPINION][issue19-6]', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await login(page, pharmacist.username, pharmacist.password);
  await ensureOnDuty(page);
  const qr = await prescribe([AMOXICILLIN.code]);
  await openByQr(page, qr);
  await page.keyboard.press('F6');
  await expect(page.getByTestId('review-panel')).toHaveAttribute('data-waiting', 'true', {
    timeout: 20_000,
  });
  const draft = '患者自述青霉素过敏史待核实，暂缓';
  await page.getByTestId('review-opinion').fill(draft);
  await page.getByTestId('review-opinion').blur();
  await page.keyboard.press('F9');
  await expect(page.getByTestId('staff-name')).toBeVisible();
  await expect(page.getByTestId('logout-dialog')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('prescription-screen')).toHaveCount(0);
  await openByQr(page, qr);
  await page.keyboard.press('F6');
  await expect(page.getByTestId('review-opinion')).toHaveValue(draft, { timeout: 20_000 });
  await page.screenshot({ path: 'test-results/screens/review-draft-1366.png' });
});
