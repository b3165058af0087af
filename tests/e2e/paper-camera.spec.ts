import { expect, test } from '@playwright/test';
import { DEMO_STAFF } from '../../src/store/demo-staff';
import { login } from './support';

const pharmacist = DEMO_STAFF.find((s) => s.role === 'pharmacist');
if (!pharmacist) throw new Error('demo pharmacist missing');

// Chromium's synthetic camera, with the permission granted as the desktop shell grants it.
test.use({
  permissions: ['camera'],
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-gpu',
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
    ],
  },
});

test('photographs a paper prescription with the camera (Alt+M, Enter) as a JPEG image; Esc closes the camera, not the screen [R-PAPER-KEEP]', async ({
  page,
}) => {
  await login(page, pharmacist.username, pharmacist.password);
  await page.keyboard.press('Alt+KeyP');
  await expect(page.getByTestId('paper-source-camera')).toBeVisible();
  await page.keyboard.press('Alt+KeyM');
  const shoot = page.getByTestId('paper-camera-shoot');
  await expect(shoot).toBeEnabled();
  await expect(shoot).toBeFocused();
  await page.keyboard.press('Enter');
  const preview = page.getByTestId('paper-preview');
  await expect(preview).toContainText('拍照-');
  const src = await preview.locator('img').getAttribute('src');
  expect(src).toMatch(/^data:image\/jpeg;base64,\/9j\//);

  await page.keyboard.press('Escape');
  await expect(page.getByTestId('paper-camera-video')).toHaveCount(0);
  await expect(page.getByTestId('paper-screen')).toBeVisible();
});
