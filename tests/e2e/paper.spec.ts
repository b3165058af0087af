import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { unzipSync } from 'fflate';
import { sm3Hex } from '../../src/center/crypto';
import { renderSummaryPdf } from '../../src/services/paper/summary-pdf';
import { DEMO_STAFF } from '../../src/store/demo-staff';
import { beijingToday, idNumber } from '../support/paper-fixtures';
import { login } from './support';

const pharmacist = DEMO_STAFF.find((s) => s.role === 'pharmacist');
if (!pharmacist) throw new Error('demo pharmacist missing');

test.describe.configure({ mode: 'serial' });
const serial = `E2E${Date.now() % 10_000_000}`;
/** A two-page scan saved as PDF: pdf.js must draw it, not just name it. */
const scannedPdf = renderSummaryPdf(
  '纸质外配处方（扫描件）',
  Array.from({ length: 80 }, (_, i) => `第${i + 1}行 苯磺酸氨氯地平片 5mg×28片`),
);

test('captures a paper prescription with a PDF image drawn by pdf.js, checks it and finds it in the archive, dates typed field by field [R-PAPER-VALID] [R-PAPER-KEEP]', async ({
  page,
}) => {
  const certno = idNumber('50010319750505321');
  await login(page, pharmacist.username, pharmacist.password);
  await page.keyboard.press('Alt+KeyP');
  const screen = page.getByTestId('paper-screen');
  await expect(screen).toBeVisible();

  await page.getByTestId('paper-image-input').setInputFiles({
    name: 'rx-scan.pdf',
    mimeType: 'application/pdf',
    buffer: scannedPdf,
  });
  await expect(page.getByTestId('paper-preview')).toContainText('rx-scan.pdf');
  await expect(page.getByTestId('paper-pdf')).toHaveAttribute('data-state', 'ready');
  await expect(page.getByTestId('paper-pdf-canvas')).toHaveCount(2);
  await expect(page.getByTestId('paper-pdf-canvas').first()).toBeVisible();
  await page.getByTestId('paper-institution-code').fill('H50010300001');
  await page.getByTestId('paper-institution-name').fill('沙箱示范医院（渝中）');
  await page.getByTestId('paper-serial').fill(serial);
  // The date is one field: digits typed in a row get their dashes, and one Tab leaves it
  // (a native date input keeps Tab for its own parts and the next value lands a field early).
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('paper-date')).toBeFocused();
  await page.keyboard.type(beijingToday().replaceAll('-', ''), { delay: 60 });
  await expect(page.getByTestId('paper-date')).toHaveValue(beijingToday());
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('paper-physician')).toBeFocused();
  await page.keyboard.type('李医生', { delay: 30 });
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.screenshot({ path: 'test-results/screens/paper-capture-date-1366.png' });
  await page.getByTestId('paper-patient-name').fill('周纸方');
  await page.getByTestId('paper-patient-certno').fill(certno);
  await page.getByTestId('paper-drug-select').click();
  await page.keyboard.type('氨氯地平');
  await page.keyboard.press('Enter');
  await page.getByTestId('paper-line-days').fill('28');
  await page.getByTestId('paper-line-days').press('Enter');

  await page.keyboard.press('Alt+KeyK');
  await expect(page.getByTestId('paper-findings')).toHaveAttribute('data-accepted', 'false');
  await expect(page.getByTestId('paper-findings')).toContainText('R-PAPER-VALID');

  await page.getByTestId('paper-signature').click();
  await page.getByTestId('paper-stamp').click();
  await page.keyboard.press('Alt+KeyK');
  await expect(page.getByTestId('paper-findings')).toHaveAttribute('data-accepted', 'true');
  await page.keyboard.press('Alt+KeyS');
  await expect(page.getByTestId('paper-saved')).toContainText('已归档');

  await page.keyboard.press('Alt+KeyF');
  await expect(page.getByTestId('paper-search-name')).toBeFocused();
  await page.keyboard.type('周纸方');
  // The search's dates are one Tab stop each too: Tab moves field by field, values stay put.
  await page.getByTestId('paper-search-drug').focus();
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('paper-search-from')).toBeFocused();
  await page.keyboard.type(beijingToday().replaceAll('-', ''), { delay: 40 });
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('paper-search-to')).toBeFocused();
  await page.keyboard.type(beijingToday().replaceAll('-', ''), { delay: 40 });
  await expect(page.getByTestId('paper-search-from')).toHaveValue(beijingToday());
  await expect(page.getByTestId('paper-search-to')).toHaveValue(beijingToday());
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('paper-search-submit')).toBeFocused();
  await page.keyboard.press('Enter');
  const results = page.getByTestId('paper-results');
  await expect(results).toContainText(serial);
  await expect(results).toContainText('苯磺酸氨氯地平片');
  await expect(results).toContainText('5001**********');
  await expect(results).not.toContainText(certno);

  await results.getByText(serial).click();
  const archived = page.getByTestId('paper-preview').last();
  await expect(archived).toContainText('已校验');
  await expect(archived.getByTestId('paper-pdf')).toHaveAttribute('data-state', 'ready');
  await expect(archived.getByTestId('paper-pdf-canvas').first()).toBeVisible();

  await page.keyboard.press('Escape');
  await expect(screen).toBeHidden();
});

test('exports the day as one zip the browser downloads, with images, index, summary and manifest [R-PAPER-KEEP] [R-KEEP]', async ({
  page,
}) => {
  await login(page, pharmacist.username, pharmacist.password);
  await page.keyboard.press('Alt+KeyP');
  await page.getByTestId('paper-export-from').fill(beijingToday());
  await page.getByTestId('paper-export-to').fill(beijingToday());
  await page.getByTestId('paper-export').click();
  await expect(page.getByTestId('paper-exported')).toContainText('已导出');
  await expect(page.getByTestId('paper-export-path')).toContainText('exports');
  const link = page.getByTestId('paper-export-download');
  await expect(link).toBeFocused();
  const downloading = page.waitForEvent('download');
  await page.keyboard.press('Enter');
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^paper-archive-.+\.zip$/);
  const zip = readFileSync(await download.path());
  await expect(page.getByTestId('paper-export-sm3')).toHaveText(sm3Hex(zip));

  const entries = unzipSync(zip);
  const manifest = JSON.parse(Buffer.from(entries['manifest.json'] ?? []).toString('utf8'));
  const names: string[] = manifest.files.map((f: { name: string }) => f.name);
  expect(Object.keys(entries).sort()).toEqual([...names, 'manifest.json'].sort());
  expect(names).toEqual(expect.arrayContaining(['index.json', 'index.csv', 'summary.pdf']));
  const index = JSON.parse(Buffer.from(entries['index.json'] ?? []).toString('utf8'));
  const mine = index.prescriptions.find((p: { serialNo: string }) => p.serialNo === serial);
  expect(mine.image.mime).toBe('application/pdf');
  expect(Buffer.from(entries[mine.image.file] ?? []).equals(scannedPdf)).toBe(true);
});

test('the capture form asks for the patient’s consent once 门特处方 is ticked [R-MT-CLAIM]', async ({
  page,
}) => {
  await login(page, pharmacist.username, pharmacist.password);
  await page.keyboard.press('Alt+KeyP');
  await expect(page.getByTestId('paper-screen')).toBeVisible();
  await expect(page.getByTestId('paper-self-pay-consent')).toHaveCount(0);
  await page.getByTestId('paper-chronic-special').click();
  await expect(page.getByTestId('paper-self-pay-consent')).toHaveCount(1);
  await expect(page.getByText('患者同意全额自费购药，回开方医院办理零星报销')).toBeVisible();
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.getByTestId('paper-chronic-special').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screens/paper-mt-claim-consent-1366.png' });
});
