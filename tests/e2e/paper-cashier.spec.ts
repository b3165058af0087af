import { expect, type Page, test } from '@playwright/test';
import { DEMO_PATIENTS } from '../../src/sandbox/seed-data';
import { renderSummaryPdf } from '../../src/services/paper/summary-pdf';
import { DEMO_STAFF } from '../../src/store/demo-staff';
import { beijingToday } from '../support/paper-fixtures';
import { login, scanUntil } from './support';

const role = (r: string) => {
  const s = DEMO_STAFF.find((x) => x.role === r);
  if (!s) throw new Error(`demo ${r} missing`);
  return s;
};
const patient = DEMO_PATIENTS.find((p) => p.name === '张伟');
if (!patient) throw new Error('demo patient missing');
const serial = `PC${Date.now() % 10_000_000}`;
const scan = renderSummaryPdf(
  '纸质外配处方（收银员扫描件）',
  Array.from({ length: 30 }, (_, i) => `第${i + 1}行 苯磺酸氨氯地平片 5mg×28片 每日一次`),
);

test.describe.configure({ mode: 'serial' });

async function fillForm(page: Page): Promise<void> {
  // fill, not type: keys typed this fast read as a scanner burst
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
  await page.getByTestId('paper-line-qty').fill('1');
  await page.getByTestId('paper-line-days').fill('28');
  await page.getByTestId('paper-line-days').press('Enter');
  await page.getByTestId('paper-signature').click();
  await page.getByTestId('paper-stamp').click();
}

test('a cashier captures a paper prescription: focus stays in the form after the image, it waits as 待药师确认 with no 调剂, and a refusal is shown [R-PHARMACIST]', async ({
  page,
}) => {
  await login(page, role('cashier').username, role('cashier').password);
  await page.keyboard.press('Alt+KeyP');
  await expect(page.getByTestId('paper-screen')).toBeVisible();
  await page.getByTestId('paper-image-input').setInputFiles({
    name: 'rx-cashier.pdf',
    mimeType: 'application/pdf',
    buffer: scan,
  });
  await expect(page.getByTestId('paper-pdf')).toHaveAttribute('data-state', 'ready');
  await expect(page.getByTestId('paper-institution-code')).toBeFocused();
  await fillForm(page);
  await page.keyboard.press('Alt+KeyS');
  const saved = page.getByTestId('paper-saved');
  await expect(saved).toContainText('待药师确认');
  await expect(saved).toContainText('确认后方可调剂');

  const box = page.getByTestId('paper-search-serial');
  await box.fill(serial);
  await box.press('Enter');
  const row = page.getByTestId('paper-results').locator('tr[data-selected="true"]');
  await expect(row).toContainText('待药师确认');
  await expect(row.getByRole('button')).toHaveCount(0);
  await page.getByTestId('paper-results-keys').focus();
  await page.keyboard.press('Alt+KeyD');
  await expect(page.getByTestId('dispense-screen')).toHaveCount(0);

  // the same paper again: the refusal is shown with its rule, the form keeps what was typed
  await page.getByTestId('paper-image-input').setInputFiles({
    name: 'rx-cashier.pdf',
    mimeType: 'application/pdf',
    buffer: scan,
  });
  await fillForm(page);
  await page.keyboard.press('Alt+KeyS');
  await expect(page.getByTestId('paper-findings')).toContainText('R-PAPER-NO');
  await expect(page.getByTestId('paper-serial')).toHaveValue(serial);
});

test('an administrator’s capture is refused and the refusal is shown, not swallowed [R-PHARMACIST]', async ({
  page,
}) => {
  await login(page, role('admin').username, role('admin').password);
  await page.keyboard.press('Alt+KeyP');
  await page.getByTestId('paper-image-input').setInputFiles({
    name: 'rx.pdf',
    mimeType: 'application/pdf',
    buffer: scan,
  });
  await fillForm(page);
  await page.getByTestId('paper-serial').fill(`${serial}A`);
  await page.keyboard.press('Alt+KeyK');
  await expect(page.getByTestId('paper-findings')).toHaveAttribute('data-accepted', 'true');
  await page.keyboard.press('Alt+KeyS');
  const error = page.getByTestId('paper-error');
  await expect(error).toHaveAttribute('data-code', 'FORBIDDEN');
  await expect(error).toHaveAttribute('data-rule', 'R-PHARMACIST');
  await expect(error).toContainText('管理员不能登记纸质处方');
});

test('the pharmacist zooms the image (+ / − / Home), confirms the cashier’s capture, and it becomes dispensable; a scanned pack is removed with Delete [R-PHARMACIST][R-TRACE]', async ({
  page,
}) => {
  await login(page, role('pharmacist').username, role('pharmacist').password);
  const chip = page.getByTestId('shift-status');
  await expect(chip).toHaveAttribute('data-may-review', /true|false/);
  if ((await chip.getAttribute('data-mine')) !== 'open') await page.keyboard.press('F12');
  await expect(chip).toHaveAttribute('data-mine', 'open');
  await page.keyboard.press('Alt+KeyP');
  const box = page.getByTestId('paper-search-serial');
  await box.fill(serial);
  await box.press('Enter');
  const results = page.getByTestId('paper-results');
  const row = results.locator('tr[data-selected="true"]');
  await expect(row).toContainText('待药师确认');
  await row.getByText(serial).click();

  const zoomBox = page.getByTestId('paper-zoom-box').last();
  await expect(zoomBox.getByTestId('paper-pdf')).toHaveAttribute('data-state', 'ready');
  await zoomBox.focus();
  // keys a person presses, not a burst: keys closer together than a scanner's read as a scan
  const press = async (key: string, zoom: string) => {
    await page.waitForTimeout(150);
    await page.keyboard.press(key);
    await expect(zoomBox).toHaveAttribute('data-zoom', zoom);
  };
  await press('+', '1');
  await press('+', '1.5');
  await press('-', '1');
  await press('Home', 'fit');
  await press('+', '1');
  await page.setViewportSize({ width: 1366, height: 768 });
  await zoomBox.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screens/paper-pharmacist-confirm-1366.png' });

  await row.locator('[data-testid^="paper-confirm-"]').click();
  await expect(row).toContainText('已归档待调剂');
  await expect(row.locator('[data-testid^="paper-dispense-"]')).toBeVisible();
  await page.getByTestId('paper-results-keys').focus();
  await page.keyboard.press('Alt+KeyD');
  const screen = page.getByTestId('dispense-screen');
  await expect(screen).toHaveAttribute('data-state', 'open', { timeout: 20_000 });
  await expect(screen).toHaveAttribute('data-source', 'paper');
  await expect(page.getByTestId('dispense-paper-badge')).toContainText(serial);

  // one pack scanned, then taken off again from the keyboard: Tab to it, Delete
  const code = `8020741${String(Date.now() % 1_000_000_000).padStart(13, '0')}`;
  const scanned = page.locator(`[data-testid=line-code][data-code="${code}"]`);
  await scanUntil(page, code, () => expect(scanned).toHaveCount(1, { timeout: 5_000 }));
  await expect(scanned).toContainText('第 1 盒');
  await scanned.focus();
  await page.keyboard.press('Delete');
  await expect(scanned).toHaveCount(0);
});
