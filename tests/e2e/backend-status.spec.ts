import { expect, test } from '@playwright/test';
import { RESTARTING_FOR_CRASH } from '../../src/host/backend/backend-link';
import { DEMO_STAFF } from '../../src/store/demo-staff';
import { login } from './support';

declare global {
  interface Window {
    emitBackendStatus?: (status: unknown) => void;
  }
}

/**
 * The desktop preload stood in by the same HTTP API (browser mode has no backend process), with
 * the shell's backend-status channel the test drives.
 */
const DESKTOP_PRELOAD = () => {
  const listeners: Array<(status: unknown) => void> = [];
  window.emitBackendStatus = (status) => {
    for (const l of listeners) l(status);
  };
  (window as unknown as { epcDesktop: unknown }).epcDesktop = {
    invoke: async (method: string, input: unknown, token: string | null) => {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (token) headers.authorization = `Bearer ${token}`;
      const res = await fetch(`/api/${method}`, {
        method: 'POST',
        headers,
        body: JSON.stringify(input ?? {}),
      });
      return res.json();
    },
    print: async () => null,
    installUpdate: async () => null,
    onBackendStatus: (listener: (status: unknown) => void) => {
      listeners.push(listener);
      return () => listeners.splice(listeners.indexOf(listener), 1);
    },
  };
};

test('the desktop window says when its backend process restarts after a crash, and clears when it is ready [R-KEEP]', async ({
  page,
}) => {
  const pharmacist = DEMO_STAFF.find((s) => s.role === 'pharmacist');
  if (!pharmacist) throw new Error('demo pharmacist missing');
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.addInitScript(DESKTOP_PRELOAD);
  await login(page, pharmacist.username, pharmacist.password);
  const banner = page.getByTestId('backend-status');
  await expect(banner).toHaveCount(0);
  await page.evaluate(
    (message) => window.emitBackendStatus?.({ state: 'restarting', reason: 'crash', message }),
    RESTARTING_FOR_CRASH,
  );
  await expect(banner).toContainText('柜台后台服务正在重新启动');
  await expect(banner).toContainText(RESTARTING_FOR_CRASH);
  await page.screenshot({ path: 'test-results/screens/backend-restarting-1366.png' });
  await page.evaluate(() => window.emitBackendStatus?.({ state: 'ready', mode: 'demo' }));
  await expect(banner).toHaveCount(0);
});
