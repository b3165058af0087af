import { expect, test } from '@playwright/test';
import { DEMO_STAFF } from '../../src/store/demo-staff';
import { login } from './support';

const staff = (role: string) => {
  const s = DEMO_STAFF.find((x) => x.role === role);
  if (!s) throw new Error(`demo staff ${role} missing`);
  return s;
};

test('an administrator sees when the last backup was made and makes one now [R-KEEP]', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const admin = staff('admin');
  await login(page, admin.username, admin.password);
  await page.keyboard.press('F10');
  const panel = page.getByTestId('backup-panel');
  await expect(panel).toBeVisible();
  await expect(panel).toContainText('备份文件夹：');
  await page.getByTestId('backup-run').click();
  await expect(panel).toHaveAttribute('data-overdue', 'false');
  await expect(page.getByTestId('backup-last')).toContainText(
    /最近一次成功备份：\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}（刚刚|\d+秒前）/,
  );
  await page.screenshot({ path: 'test-results/screens/backup-panel-1366.png' });
});

test('a pharmacist sees the settings dialog without backup controls [R-KEEP]', async ({ page }) => {
  const pharmacist = staff('pharmacist');
  await login(page, pharmacist.username, pharmacist.password);
  await page.keyboard.press('F10');
  await expect(page.getByTestId('region-settings')).toBeVisible();
  await expect(page.getByTestId('backup-panel')).toHaveCount(0);
});

test('an administrator checks a backup and restores it: the counter restarts to the log-in with the backup’s data [R-KEEP]', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  const admin = staff('admin');
  await login(page, admin.username, admin.password);
  await page.keyboard.press('F10');
  await page.getByTestId('backup-run').click();
  await expect(page.getByTestId('backup-last')).toContainText(/刚刚|秒前/);
  // A fresh list: the backup just made is the newest, chosen first.
  await page.keyboard.press('Escape');
  await page.keyboard.press('F10');
  const rows = page.getByTestId('restore-backup');
  await expect(rows.first()).toContainText(
    /\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}.*MB.*数据结构版本 \d+/,
  );
  await expect(page.getByTestId('restore-start')).toBeDisabled();
  await page.getByTestId('restore-check').click();
  const findings = page.getByTestId('restore-findings');
  await expect(findings).toHaveAttribute('data-ok', 'true');
  await expect(findings).toContainText('SQLite 完整性检查通过');
  await expect(findings).toContainText('数据结构版本');
  await expect(findings).toContainText('审计链完整');
  await page.getByTestId('restore-start').click();
  const typed = page.getByTestId('restore-confirm-input');
  await expect(typed).toBeFocused();
  await page.screenshot({ path: 'test-results/screens/backup-restore-1366.png' });
  await typed.fill('确认恢复');
  await typed.press('Enter');
  await expect(page.getByTestId('restore-restarting')).toBeVisible();
  // The window reloads once the restarted counter answers: back at the log-in.
  await expect(page.getByTestId('login-username')).toBeVisible({ timeout: 60_000 });
  await login(page, admin.username, admin.password);
  await page.keyboard.press('F10');
  await expect(page.getByTestId('backup-last-restore')).toContainText(/已恢复 柜台备份_/);
  await expect(page.getByTestId('backup-panel')).toContainText('原数据库保存在');
});

test('an administrator chooses the receipt printer, 58 mm paper and the cash drawer once in F10 [R-KEEP]', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const admin = staff('admin');
  await login(page, admin.username, admin.password);
  await page.keyboard.press('F10');
  const panel = page.getByTestId('print-panel');
  await expect(panel).toBeVisible();
  await page.getByTestId('print-printer').fill('XP-58 小票机');
  await panel.getByText('58 毫米热敏纸').click();
  await page.getByTestId('print-kick').check();
  await page.getByTestId('print-printer').press('Enter');
  await expect(page.getByTestId('print-saved')).toHaveText('打印设置已保存');
  await page.getByTestId('update-feed').fill('https://github.com/x/releases/');
  await page.getByTestId('update-feed').press('Enter');
  await expect(page.getByTestId('print-error')).toContainText('不能使用 GitHub');
  await panel.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screens/print-panel-1366.png' });
  await page.keyboard.press('Escape');
  await page.keyboard.press('F10');
  await expect(page.getByTestId('print-printer')).toHaveValue('XP-58 小票机');
  await expect(page.getByTestId('print-kick')).toBeChecked();
});
