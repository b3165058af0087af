import { expect, test } from '@playwright/test';
import { DEMO_STAFF } from '../../src/store/demo-staff';
import { beijingToday, fakePng, idNumber } from '../support/paper-fixtures';
import { login } from './support';

const pharmacist = DEMO_STAFF.find((s) => s.role === 'pharmacist');
if (!pharmacist) throw new Error('demo pharmacist missing');

test('captures a paper prescription with its image, checks it and finds it in the archive [R-PAPER-VALID] [R-PAPER-KEEP]', async ({
  page,
}) => {
  const serial = `E2E${Date.now() % 10_000_000}`;
  const certno = idNumber('50010319750505321');
  await login(page, pharmacist.username, pharmacist.password);
  await page.keyboard.press('Alt+KeyP');
  const screen = page.getByTestId('paper-screen');
  await expect(screen).toBeVisible();

  await page.getByTestId('paper-image-input').setInputFiles({
    name: 'rx.png',
    mimeType: 'image/png',
    buffer: fakePng(4096),
  });
  await expect(page.getByTestId('paper-preview')).toContainText('rx.png');
  await page.getByTestId('paper-institution-code').fill('H50010300001');
  await page.getByTestId('paper-institution-name').fill('沙箱示范医院（渝中）');
  await page.getByTestId('paper-serial').fill(serial);
  await page.getByTestId('paper-date').fill(beijingToday());
  await page.getByTestId('paper-physician').fill('李医生');
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
  await page.keyboard.press('Enter');
  const results = page.getByTestId('paper-results');
  await expect(results).toContainText(serial);
  await expect(results).toContainText('苯磺酸氨氯地平片');
  await expect(results).toContainText('5001**********');
  await expect(results).not.toContainText(certno);

  await results.getByText(serial).click();
  await expect(page.getByTestId('paper-preview').last()).toContainText('已校验');

  await page.keyboard.press('Escape');
  await expect(screen).toBeHidden();
});
