import { expect, test } from '@playwright/test';
import { login } from './support';

test('an administrator opens the audit log with Alt+L, sees her log-in, and Enter verifies the chain [R-KEEP]', async ({
  page,
}) => {
  await login(page, 'admin', 'demo1234');
  await page.keyboard.press('Alt+KeyL');
  const panel = page.getByTestId('audit-panel');
  await expect(panel).toBeVisible();
  const logins = panel.locator('[data-testid="audit-entry"][data-action="auth.login"]');
  await expect(logins.filter({ hasText: 'admin' }).first()).toContainText('登录');
  await expect(logins.filter({ hasText: 'admin' }).first()).toContainText('成功');

  await page.keyboard.press('Enter');
  const verdict = page.getByTestId('audit-verdict');
  await expect(verdict).toHaveAttribute('data-ok', 'true');
  await expect(verdict).toContainText('审计链完整');
  // the check itself is on record
  await expect(
    panel.locator('[data-testid="audit-entry"][data-action="audit.verify"]').first(),
  ).toBeVisible();

  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
});

test('a cashier cannot open the audit log [R-KEEP]', async ({ page }) => {
  await login(page, 'shouyin', 'demo1234');
  await page.keyboard.press('Alt+KeyL');
  await page.keyboard.press('F1');
  await expect(page.getByTestId('help-overlay')).toContainText('审计日志');
  await expect(page.getByTestId('audit-panel')).toHaveCount(0);
});
