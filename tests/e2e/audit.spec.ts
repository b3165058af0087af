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

test('after an intact check, Alt+W prints the head slip; its check code typed back in verifies against it [R-KEEP]', async ({
  page,
}) => {
  await login(page, 'admin', 'demo1234');
  await page.evaluate(() => {
    const w = window as unknown as { __printed: number };
    w.__printed = 0;
    window.print = () => {
      w.__printed += 1;
    };
  });
  await page.keyboard.press('Alt+KeyL');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('audit-verdict')).toHaveAttribute('data-ok', 'true');
  const head = page.getByTestId('audit-slip-head');
  await expect(head).toBeVisible();
  const seq = await head.getAttribute('data-seq');

  await page.keyboard.press('Alt+KeyW');
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { __printed: number }).__printed))
    .toBe(1);
  const sheet = page.getByTestId('audit-slip-sheet');
  await expect(sheet).toContainText('审计链尾凭条');
  await expect(sheet).toContainText(`链尾：第 ${seq} 条`);
  const code = (await sheet.locator('strong').innerText()).trim();
  expect(code).toMatch(new RegExp(`^${seq}:[0-9a-f]{64}$`));

  await page.getByTestId('audit-witness-input').fill(code);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('audit-verdict')).toContainText(`第 ${seq} 条与凭条一致`);

  await page.getByTestId('audit-witness-input').fill(`${seq}:${'0'.repeat(64)}`);
  await page.keyboard.press('Enter');
  const verdict = page.getByTestId('audit-verdict');
  await expect(verdict).toHaveAttribute('data-ok', 'false');
  await expect(verdict).toContainText('与凭条不符');
});

test('a cashier cannot open the audit log [R-KEEP]', async ({ page }) => {
  await login(page, 'shouyin', 'demo1234');
  await page.keyboard.press('Alt+KeyL');
  await page.keyboard.press('F1');
  await expect(page.getByTestId('help-overlay')).toContainText('审计日志');
  await expect(page.getByTestId('audit-panel')).toHaveCount(0);
});

test('Alt+Shift+V in the audit log re-verifies every stored prescription in the background and shows the counts [R-SIGN]', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await login(page, 'admin', 'demo1234');
  await page.keyboard.press('Alt+KeyL');
  const panel = page.getByTestId('audit-panel');
  await expect(panel).toBeVisible();

  await page.keyboard.press('Alt+Shift+KeyV');
  const result = page.getByTestId('rx-reverify-result');
  await expect(result).toBeVisible();
  await expect(result).toHaveAttribute('data-failed', '0');
  // Whatever the other specs downloaded before: all verify, or there is none yet.
  await expect(result).toContainText(/存档处方 \d+ 张全部重新验签通过|本机尚无存档的电子处方/);
  await expect(
    panel.locator('[data-testid="audit-entry"][data-action="rx.reverifyAll"]').first(),
  ).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/audit-reverify-1366.png' });
});
