import { expect, test } from '@playwright/test';
import { maskToken } from '../../src/domain/mask';
import { DEMO_PATIENTS } from '../../src/sandbox/seed-data';
import { DEMO_STAFF } from '../../src/store/demo-staff';
import { appUrl, imeBurst, login, scannerBurst, scanUntil } from './support';

const cashier = DEMO_STAFF.find((s) => s.role === 'cashier');
const pharmacist = DEMO_STAFF.find((s) => s.role === 'pharmacist');
const [patient, second] = DEMO_PATIENTS;
if (!cashier || !pharmacist || !patient || !second) throw new Error('demo data missing');

const masked = (certno: string) => `${certno.slice(0, 4)}**********${certno.slice(-4)}`;

test('shows the sandbox banner before and after log-in [ARCH]', async ({ page }) => {
  await page.goto(appUrl());
  await expect(page.getByTestId('sandbox-banner')).toContainText('沙箱环境');
  await login(page, cashier.username, cashier.password);
  await expect(page.getByTestId('sandbox-banner')).toBeVisible();
});

test('refuses a wrong password in Chinese [ARCH]', async ({ page }) => {
  await page.goto(appUrl());
  await page.getByTestId('login-username').fill(cashier.username);
  await page.getByTestId('login-password').fill('not-the-password');
  await page.getByTestId('login-password').press('Enter');
  await expect(page.getByTestId('error-banner')).toContainText('用户名或密码错误');
});

test('a pharmacist logs in and is signed in to the center [ARCH][ST-EPC-02-003]', async ({
  page,
}) => {
  await login(page, pharmacist.username, pharmacist.password);
  await expect(page.getByTestId('staff-name')).toContainText('执业药师');
  await expect(page.getByTestId('center-status')).toContainText('已签到');
  await expect(page.getByTestId('outbox-status')).toBeVisible();
});

test('a scanner burst at 2 ms per key is read exactly while an input has focus [R-AUTH][ST-EPC-02-001]', async ({
  page,
}) => {
  await login(page, cashier.username, cashier.password);
  const input = page.getByTestId('cert-input');
  await input.click();
  await input.pressSequentially('abc', { delay: 120 }); // a person typing slowly keeps their text
  await page.waitForTimeout(200); // the person pauses; then the scanner fires
  await scannerBurst(page, patient.ecToken);
  await expect(page.getByTestId('patient-card')).toContainText(patient.name);
  await expect(page.getByTestId('patient-card')).toContainText(masked(patient.certno));
  await expect(page.getByTestId('patient-card')).not.toContainText(patient.certno);
  await expect(page.getByTestId('last-scan')).toContainText(maskToken(patient.ecToken));
  await expect(page.getByTestId('last-scan')).not.toContainText(patient.ecToken);
  await expect(input).toHaveValue('abc');
});

test('IME-style key events (key Process, keyCode 229) are decoded from code [R-AUTH][ST-EPC-02-001]', async ({
  page,
}) => {
  await login(page, cashier.username, cashier.password);
  await page.evaluate(() => {
    const seen: Array<{ key: string; keyCode: number; code: string }> = [];
    (window as unknown as { __keys: typeof seen }).__keys = seen;
    window.addEventListener(
      'keydown',
      (e) => seen.push({ key: e.key, keyCode: e.keyCode, code: e.code }),
      true,
    );
  });
  await page.getByTestId('cert-input').focus();
  await imeBurst(page, second.ecToken);
  await expect(page.getByTestId('patient-card')).toContainText(second.name);
  await expect(page.getByTestId('last-scan')).toContainText(maskToken(second.ecToken));
  const keys = await page.evaluate(
    () =>
      (window as unknown as { __keys: Array<{ key: string; keyCode: number; code: string }> })
        .__keys,
  );
  expect(keys.filter((k) => k.key === 'Process' && k.keyCode === 229)).toHaveLength(
    second.ecToken.length,
  );
  await expect(page.getByTestId('cert-input')).toHaveValue('');
});

test('an unknown e-voucher token gets a clear Chinese error and the counter keeps working [R-AUTH][ST-EPC-02-001]', async ({
  page,
}) => {
  await login(page, cashier.username, cashier.password);
  await scannerBurst(page, '500000ec00000000000000000000000000bad');
  await expect(page.getByTestId('error-banner')).toContainText('查询参保人失败');
  await expect(page.getByTestId('error-banner')).toContainText('R-AUTH');
  await scannerBurst(page, patient.ecToken);
  await expect(page.getByTestId('patient-card')).toContainText(patient.name);
});

test('typing an ID number by hand and pressing Enter finds the patient [R-AUTH][ST-EPC-02-005]', async ({
  page,
}) => {
  await login(page, cashier.username, cashier.password);
  await page.keyboard.press('F3');
  const input = page.getByTestId('cert-input');
  await input.focus();
  await input.pressSequentially(patient.certno, { delay: 60 });
  await input.press('Enter');
  await expect(page.getByTestId('patient-card')).toContainText(patient.name);
});

test('an ID number lists no prescription until the patient types the e-voucher password; a never-activated voucher shows the activation steps [R-AUTH][ST-EPC-02-005][ST-EPC-02-001]', async ({
  page,
}) => {
  const unactivated = DEMO_PATIENTS.find((p) => p.ecPassword === null);
  if (!unactivated || !patient.ecPassword) throw new Error('demo data missing');
  await page.setViewportSize({ width: 1366, height: 768 });
  await login(page, pharmacist.username, pharmacist.password);
  const identify = async (certno: string) => {
    await page.keyboard.press('Escape');
    await page.keyboard.press('F3');
    const input = page.getByTestId('cert-input');
    await input.focus();
    await input.pressSequentially(certno, { delay: 60 });
    await input.press('Enter');
  };

  await identify(patient.certno);
  await expect(page.getByTestId('patient-card')).toContainText(patient.name);
  const prompt = page.getByTestId('ec-password-prompt');
  await expect(prompt).toBeVisible();
  await expect(page.getByTestId('rx-candidates')).toHaveCount(0);
  const password = page.getByTestId('ec-password-input');
  await expect(password).toBeFocused();
  await expect(password).toHaveAttribute('type', 'password');
  await page.keyboard.type(patient.ecPassword, { delay: 60 });
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('rx-candidates')).toBeVisible();
  await expect(prompt).toHaveCount(0);

  await identify(unactivated.certno);
  await expect(page.getByTestId('patient-card')).toContainText(unactivated.name);
  await expect(password).toBeFocused();
  await page.keyboard.type('123456', { delay: 60 });
  await page.keyboard.press('Enter');
  const help = page.getByTestId('ec-auth-help');
  await expect(help).toContainText('激活医保电子凭证');
  await expect(page.getByTestId('rx-candidates')).toHaveCount(0);
  await expect(password).toHaveValue('');
  await page.screenshot({ path: 'test-results/screens/ec-password-activation-help-1366.png' });
});

test('F1 shows the function keys; logging out returns to the log-in screen [ARCH]', async ({
  page,
}) => {
  await login(page, cashier.username, cashier.password);
  await page.keyboard.press('F1');
  await expect(page.getByTestId('help-overlay')).toBeVisible();
  await page.keyboard.press('Escape');
  await page.getByTestId('logout').click();
  await page.getByTestId('logout-confirm').click();
  await expect(page.getByTestId('login-username')).toBeVisible();
});

test('a password typed as fast as a scanner stays in the password field and is never echoed [R-AUTH][issue19-4]', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(appUrl());
  await page.getByTestId('login-username').fill(cashier.username);
  await page.getByTestId('login-password').focus();
  await scannerBurst(page, cashier.password);
  await expect(page.getByTestId('staff-name')).toBeVisible();
  await expect(page.getByTestId('last-scan')).toHaveAttribute('data-kind', '');
  await expect(page.locator('body')).not.toContainText(cashier.password);
  await expect(page.locator('body')).not.toContainText('扫码内容：');
});

test('an unrecognised scan shows only its length; a voucher is masked in the footer, which log-out clears [R-AUTH][issue19-4]', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await login(page, cashier.username, cashier.password);
  const secret = 'abcd-efgh-1234';
  await scanUntil(page, secret, () =>
    expect(page.getByTestId('error-banner')).toContainText('14 个字符，内容不显示', {
      timeout: 3_000,
    }),
  );
  await expect(page.locator('body')).not.toContainText(secret);
  await scanUntil(page, patient.ecToken, () =>
    expect(page.getByTestId('patient-card')).toContainText(patient.name, { timeout: 5_000 }),
  );
  const footer = page.getByTestId('last-scan');
  await expect(footer).toContainText(maskToken(patient.ecToken));
  await expect(page.locator('body')).not.toContainText(patient.ecToken);
  await page.screenshot({ path: 'test-results/screens/counter-masked-footer-1366.png' });

  await page.keyboard.press('Control+Shift+KeyL');
  await expect(page.getByTestId('logout-dialog')).toBeVisible();
  await expect(page.getByTestId('logout-confirm')).toBeFocused();
  await page.screenshot({ path: 'test-results/screens/logout-confirm-1366.png' });
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('login-username')).toBeVisible();
  await expect(footer).toHaveAttribute('data-kind', '');
  await expect(footer).toContainText('最近扫码：无');
});

test('F9 never logs out; log-out is Ctrl+Shift+L with a confirmation that Esc cancels [ARCH][issue19-6]', async ({
  page,
}) => {
  await login(page, cashier.username, cashier.password);
  await page.keyboard.press('F9');
  await expect(page.getByTestId('logout-dialog')).toHaveCount(0);
  await expect(page.getByTestId('staff-name')).toBeVisible();
  await page.keyboard.press('Control+Shift+KeyL');
  await expect(page.getByTestId('logout-dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('logout-dialog')).toBeHidden();
  await expect(page.getByTestId('staff-name')).toBeVisible();
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.keyboard.press('F1');
  await expect(page.getByTestId('help-overlay')).toContainText('Ctrl+Shift+L');
  await page.screenshot({ path: 'test-results/screens/help-keys-1366.png' });
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+Shift+KeyL');
  await expect(page.getByTestId('logout-confirm')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('login-username')).toBeVisible();
});
