import { expect, test } from '@playwright/test';
import { DEMO_STAFF } from '../../src/store/demo-staff';
import { fakePng, idNumber, paperFields } from '../support/paper-fixtures';
import { appUrl, login } from './support';

const pharmacist = DEMO_STAFF.find((s) => s.role === 'pharmacist');
if (!pharmacist) throw new Error('demo pharmacist missing');

test('the pharmacist opens the risk signals with Alt+I, sees them by severity and expands one with Enter [R-RISK][R-PAPER-NO]', async ({
  page,
  request,
}) => {
  // Six paper prescriptions of one institution this week: above its 7-day share of 20 per 30 days.
  const institutionCode = `H500103${String(Date.now() % 100_000).padStart(5, '0')}`;
  const auth = await request.post(`${appUrl()}/api/auth.login`, {
    data: { username: pharmacist.username, password: pharmacist.password },
  });
  const token = ((await auth.json()) as { value: { token: string } }).value.token;
  for (let i = 0; i < 6; i++) {
    const r = await request.post(`${appUrl()}/api/paper.capture`, {
      headers: { authorization: `Bearer ${token}` },
      data: {
        ...paperFields({
          institutionCode,
          institutionName: '风险测试医院',
          patientName: '欧阳晓明',
          patientCertno: idNumber(`5001031980010${String(1000 + i)}`),
        }),
        imageBase64: fakePng(512).toString('base64'),
      },
    });
    expect(((await r.json()) as { ok: boolean }).ok).toBe(true);
  }

  await login(page, pharmacist.username, pharmacist.password);
  await page.keyboard.press('Alt+KeyI');
  const screen = page.getByTestId('risk-screen');
  await expect(screen).toBeVisible();
  await expect(page.getByTestId('risk-quick-30')).toHaveClass(/ant-btn-primary/);
  await page.keyboard.press('Alt+Digit7');
  await expect(page.getByTestId('risk-quick-7')).toHaveClass(/ant-btn-primary/);

  const card = page.getByTestId('risk-card-INSTITUTION_PAPER');
  await expect(card.getByTestId('rule-details')).toContainText('规则 R-RISK');
  await expect(page.locator('[data-testid^="risk-card-"]')).toHaveCount(6);
  const severities = await page
    .locator('[data-testid^="risk-card-"]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-severity')));
  const rank = { alert: 0, warn: 1, info: 2 } as Record<string, number>;
  expect(severities.map((s) => rank[s ?? ''])).toEqual(
    [...severities.map((s) => rank[s ?? ''])].sort(),
  );
  expect(await card.getAttribute('data-severity')).not.toBe('info');

  for (let i = 0; i < 6 && (await card.getAttribute('data-selected')) !== 'true'; i++) {
    await page.keyboard.press('ArrowDown');
  }
  await expect(card).toHaveAttribute('data-selected', 'true');
  await page.keyboard.press('Enter');
  const drill = card.getByTestId('risk-drill');
  await expect(drill).toBeVisible();
  await expect(drill).toContainText(institutionCode);
  await expect(drill).toContainText('风险测试医院');

  await page.keyboard.press('Escape');
  await expect(drill).toBeHidden();
  await page.keyboard.press('Escape');
  await expect(screen).toBeHidden();
});
