import { expect, type Page, test } from '@playwright/test';
import { DEMO_STAFF } from '../../src/store/demo-staff';
import { appUrl, login } from './support';

const admin = DEMO_STAFF.find((s) => s.role === 'admin');
if (!admin) throw new Error('demo admin missing');

/** A valid 居民身份证号 (GB 11643 check character 3), no demo person's. */
const WANG_ID = '110101199003071233';

async function logout(page: Page): Promise<void> {
  await page.keyboard.press('Control+Shift+KeyL');
  await expect(page.getByTestId('logout-confirm')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('login-username')).toBeVisible();
}

async function openStaffScreen(page: Page): Promise<void> {
  await page.keyboard.press('Control+Shift+KeyY');
  await expect(page.getByTestId('staff-screen')).toBeVisible();
}

test('the admin creates a pharmacist who must change the temporary password (a weak one refused with its reason), then deactivates the account and its log-in fails [R-PHARMACIST][ST-EPC-02-002][R-KEEP]', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  const username = `wang${Date.now() % 100_000}`;
  await login(page, admin.username, admin.password);
  await openStaffScreen(page);
  await expect(page.getByTestId('staff-form-username')).toBeFocused();

  // A pharmacist code of the wrong shape is refused in words before anything is stored.
  await page.getByTestId('staff-form-username').fill(username);
  await page.getByTestId('staff-form-name').fill('王芳');
  await page.getByTestId('staff-form-role').selectOption('pharmacist');
  await page.getByTestId('staff-form-code').fill('Y1');
  await page.getByTestId('staff-form-certno').fill(WANG_ID);
  await page.getByTestId('staff-form-password').fill('Temp2024x');
  await page.getByTestId('staff-form-password').press('Enter');
  await expect(page.getByTestId('staff-error')).toContainText('医保药师代码格式应为');
  await page.getByTestId('staff-form-code').fill('Y500103000456');
  await page.getByTestId('staff-form-code').press('Enter');
  await expect(page.getByTestId('staff-notice')).toContainText(`已新建：王芳（${username}）`);
  const row = page.locator(`[data-testid="staff-row"][data-username="${username}"]`);
  await expect(row).toContainText('执业药师');
  await expect(row).toContainText('Y500103000456');
  await expect(row).toContainText('1101**********1233');
  await expect(row).not.toContainText(WANG_ID);
  await expect(row.getByTestId('staff-state')).toHaveText('待改密');
  await expect(page.getByTestId('staff-form-username')).toBeFocused();
  await page.screenshot({ path: 'test-results/screens/staff-screen-1366.png' });
  await logout(page);

  // The pharmacist's first log-in leads to the change-password form before any screen.
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill('Temp2024x');
  await page.getByTestId('login-password').press('Enter');
  await expect(page.getByTestId('forced-password-change')).toBeVisible();
  await expect(page.getByTestId('password-old')).toBeFocused();
  await page.getByTestId('password-old').fill('Temp2024x');
  await page.getByTestId('password-new').fill('demo1234');
  await page.getByTestId('password-repeat').fill('demo1234');
  await page.getByTestId('password-repeat').press('Enter');
  await expect(page.getByTestId('password-error')).toContainText(
    '该密码过于常见（含演示密码），请换一个',
  );
  await page.screenshot({ path: 'test-results/screens/staff-forced-password-1366.png' });
  await page.getByTestId('password-new').fill('Counter2024');
  await page.getByTestId('password-repeat').fill('Counter2024');
  await page.getByTestId('password-repeat').press('Enter');
  await expect(page.getByTestId('forced-password-change')).toBeHidden();
  await expect(page.getByTestId('staff-name')).toContainText('王芳');
  await expect(page.getByTestId('key-hints')).toContainText('修改密码');
  await logout(page);

  // The admin deactivates the account: the list says so, and the log-in fails.
  await login(page, admin.username, admin.password);
  await openStaffScreen(page);
  await row.getByTestId('staff-deactivate').click();
  await expect(page.getByTestId('staff-action-confirm')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(row.getByTestId('staff-state')).toHaveText('已停用');
  await logout(page);

  await page.goto(appUrl());
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill('Counter2024');
  await page.getByTestId('login-password').press('Enter');
  await expect(page.getByTestId('error-banner')).toContainText('用户名或密码错误');
});

test('every user reaches the own-password dialog with Ctrl+Shift+K; Esc closes it [R-PHARMACIST]', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const cashier = DEMO_STAFF.find((s) => s.role === 'cashier');
  if (!cashier) throw new Error('demo cashier missing');
  await login(page, cashier.username, cashier.password);
  await page.keyboard.press('Control+Shift+KeyY');
  await expect(page.getByTestId('staff-screen')).toHaveCount(0);
  await page.keyboard.press('Control+Shift+KeyK');
  await expect(page.getByTestId('password-old')).toBeFocused();
  await page.getByTestId('password-old').fill('wrong-old-1');
  await page.getByTestId('password-new').fill('Counter2024');
  await page.getByTestId('password-repeat').fill('Counter2024');
  await page.getByTestId('password-repeat').press('Enter');
  await expect(page.getByTestId('password-error')).toContainText('原密码不正确');
  await page.screenshot({ path: 'test-results/screens/staff-own-password-1366.png' });
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('password-form')).toHaveCount(0);
});
