import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { unzipSync } from 'fflate';
import { DEMO_PATIENTS } from '../../src/sandbox/seed-data';
import { DEMO_STAFF } from '../../src/store/demo-staff';
import { beijingToday, fakePng } from '../support/paper-fixtures';
import { login, sandboxCall, scannerBurst } from './support';

const pharmacist = DEMO_STAFF.find((s) => s.role === 'pharmacist');
const patient = DEMO_PATIENTS.find((p) => p.name === '张伟');
if (!pharmacist || !patient) throw new Error('demo data missing');

/** config/catalog/drugs.json: 苯磺酸氨氯地平片 and its trace product identifier. */
const AMLODIPINE = { code: 'XC08CAA010A001010201587', productId: '8020741' };
let packSerial = (Date.now() % 1_000_000_000) + 500_000_000;
const traceCode = () => `${AMLODIPINE.productId}${String(packSerial++).padStart(13, '0')}`;
const serial = `PD${Date.now() % 10_000_000}`;

async function ensureOnDuty(page: Page): Promise<void> {
  const chip = page.getByTestId('shift-status');
  await expect(chip).toHaveAttribute('data-may-review', /true|false/);
  if ((await chip.getAttribute('data-mine')) !== 'open') await page.keyboard.press('F12');
  await expect(chip).toHaveAttribute('data-mine', 'open');
}

/** Fields typed from the paper, the image from a file, checks (Alt+K), archive (Alt+S). */
async function capture(page: Page): Promise<void> {
  await page.keyboard.press('Alt+KeyP');
  await expect(page.getByTestId('paper-screen')).toBeVisible();
  await page.getByTestId('paper-image-input').setInputFiles({
    name: 'rx.png',
    mimeType: 'image/png',
    buffer: fakePng(4096),
  });
  await page.getByTestId('paper-institution-code').fill('H50010300001');
  await page.getByTestId('paper-institution-name').fill('沙箱示范医院（渝中）');
  await page.getByTestId('paper-serial').fill(serial);
  await page.getByTestId('paper-date').fill(beijingToday());
  await page.getByTestId('paper-physician').fill('李医生');
  await page.getByTestId('paper-patient-name').fill(patient?.name ?? '');
  await page.getByTestId('paper-patient-certno').fill(patient?.certno ?? '');
  await page.getByTestId('paper-drug-select').click();
  await page.keyboard.type('氨氯地平');
  await page.keyboard.press('Enter');
  await page.getByTestId('paper-line-qty').fill('2');
  await page.getByTestId('paper-line-days').fill('28');
  await page.getByTestId('paper-line-days').press('Enter');
  await page.getByTestId('paper-signature').click();
  await page.getByTestId('paper-stamp').click();
  await page.keyboard.press('Alt+KeyK');
  await expect(page.getByTestId('paper-findings')).toHaveAttribute('data-accepted', 'true');
  await page.keyboard.press('Alt+KeyS');
  await expect(page.getByTestId('paper-saved')).toContainText('已归档');
}

async function findBySerial(page: Page) {
  const box = page.getByTestId('paper-search-serial');
  await box.fill(serial);
  await box.press('Enter');
  const results = page.getByTestId('paper-results');
  await expect(results).toContainText(serial);
  return results;
}

test.describe.configure({ mode: 'serial' });

test('capture → checks → Alt+D dispenses with scanned trace codes → F5/Enter settles as paper → export shows it dispensed [R-PAPER-VALID][R-TRACE][R-NOSWAP][R-SETTLE][R-PAPER-KEEP]', async ({
  page,
}) => {
  test.setTimeout(150_000);
  await login(page, pharmacist.username, pharmacist.password);
  await ensureOnDuty(page);
  await capture(page);
  const results = await findBySerial(page);
  const row = results.locator('tr[data-selected="true"]');
  await expect(row).toContainText('已归档待调剂');
  await expect(row.locator('[data-testid^="paper-dispense-"]')).toBeVisible();

  await page.keyboard.press('Alt+KeyD');
  const screen = page.getByTestId('dispense-screen');
  await expect(screen).toHaveAttribute('data-state', 'open', { timeout: 20_000 });
  await expect(page.getByTestId('paper-screen')).toBeHidden();
  await expect(screen).toHaveAttribute('data-source', 'paper');
  const badge = page.getByTestId('dispense-paper-badge');
  await expect(badge).toContainText('纸质处方');
  await expect(badge).toContainText('沙箱示范医院（渝中）');
  await expect(badge).toContainText(serial);

  const other = `8010371${String(packSerial++).padStart(13, '0')}`;
  await scannerBurst(page, other);
  await expect(page.getByTestId('scan-verdict')).toHaveAttribute('data-verdict', 'refused');
  await expect(page.getByTestId('scan-verdict')).toContainText('R-NOSWAP');
  const line = page.locator(`[data-testid=dispense-line][data-code="${AMLODIPINE.code}"]`);
  const codes = [traceCode(), traceCode()];
  for (const [i, code] of codes.entries()) {
    await scannerBurst(page, code);
    await expect(line).toHaveAttribute('data-scanned', String(i + 1));
    await expect(page.getByTestId('scan-verdict')).toHaveAttribute('data-verdict', 'accepted');
  }
  await expect(screen).toHaveAttribute('data-ready', 'true');
  await page.keyboard.press('F9');
  await expect(screen).toHaveAttribute('data-state', 'completed', { timeout: 20_000 });

  const preview = page.getByTestId('settle-preview');
  await page.keyboard.press('F5');
  await expect(preview).toBeVisible({ timeout: 20_000 });
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('settle-result')).toHaveAttribute('data-state', 'settled', {
    timeout: 30_000,
  });
  const receipt = page.getByTestId('receipt-text');
  await expect(receipt).toContainText('纸质处方', { timeout: 20_000 });
  await expect(receipt).toContainText(serial);
  for (const code of codes) await expect(receipt).toContainText(code);
  const atCenter = await sandboxCall<{ settlements: Array<{ rx_form: string; stas: string }> }>(
    `/x/sandbox/settlements?hi_rxno=${encodeURIComponent(`H50010300001-${serial}`)}`,
  );
  expect(atCenter.settlements).toEqual([expect.objectContaining({ rx_form: 'paper', stas: '1' })]);

  await page.keyboard.press('Alt+KeyP');
  const again = await findBySerial(page);
  await expect(again.locator('tr[data-selected="true"]')).toContainText('已结算');
  await expect(again.locator('[data-testid^="paper-dispense-"]')).toHaveCount(0);

  await page.getByTestId('paper-export-from').fill(beijingToday());
  await page.getByTestId('paper-export-to').fill(beijingToday());
  await page.getByTestId('paper-export').click();
  await expect(page.getByTestId('paper-exported')).toContainText('已导出');
  const downloading = page.waitForEvent('download');
  await page.getByTestId('paper-export-download').press('Enter');
  const zip = unzipSync(readFileSync(await (await downloading).path()));
  const index = JSON.parse(Buffer.from(zip['index.json'] ?? []).toString('utf8'));
  const mine = index.prescriptions.find((p: { serialNo: string }) => p.serialNo === serial);
  expect(mine.status).toBe('dispensed');
});

test('a dispensed paper prescription offers no 调剂: Enter and Alt+D on its row leave the archive open [R-STATUS][R-PAPER-NO]', async ({
  page,
}) => {
  await login(page, pharmacist.username, pharmacist.password);
  await page.keyboard.press('Alt+KeyP');
  const results = await findBySerial(page);
  const row = results.locator('tr[data-selected="true"]');
  await expect(row).toContainText('已结算');
  await expect(row.getByRole('button')).toHaveCount(0);
  await page.getByTestId('paper-results-keys').focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Alt+KeyD');
  await expect(page.getByTestId('paper-screen')).toBeVisible();
  await expect(page.getByTestId('dispense-screen')).toHaveCount(0);
});
