import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { type PgCluster, startPgCluster } from '../../scripts/lib/pg-cluster';
import { COUNTERS, spawnStoreServer } from '../integration/store-server/helpers/store';
import { freePort } from '../integration/store-server/helpers/store-counters';
import { beijingToday, fakePng, paperFields } from '../support/paper-fixtures';

/**
 * The paper archive across the counters of one store (D56): a paper archived at counter A is
 * shown at B's capture check before the pharmacist saves it, and B's 全店索引 lists both
 * counters' archives with B's own verified by SM3.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
let pg: PgCluster;
let store: { url: string; child: ChildProcess };
let dir: string;
const apps: Record<'A' | 'B', { url: string; child: ChildProcess; token: string }> = {} as never;

function startCounter(id: 'A' | 'B'): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/host/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: '0',
      EPC_MODE: 'demo',
      EPC_SANDBOX_URL: process.env.E2E_SANDBOX_URL ?? '',
      EPC_DATA_DIR: path.join(dir, id),
      EPC_STORE_URL: store.url,
      EPC_STORE_COUNTER: id,
      EPC_STORE_SECRET: COUNTERS.get(id) ?? '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`counter ${id} not ready: ${out}`)), 90_000);
    child.stdout?.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /BROWSER_READY (\S+)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve({ url: m[1], child });
      }
    });
    child.stderr?.on('data', (c: Buffer) => {
      out += c.toString();
    });
    child.once('exit', (code) => reject(new Error(`counter ${id} exited ${code}: ${out}`)));
  });
}

async function api<T>(id: 'A' | 'B', method: string, input: unknown) {
  const res = await fetch(`${apps[id].url}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${apps[id].token}` },
    body: JSON.stringify(input),
  });
  return (await res.json()) as { ok: boolean; value?: T; error?: { message: string } };
}

async function openCounter(page: Page, id: 'A' | 'B') {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(apps[id].url);
  await page.getByTestId('login-username').fill('yaoshi');
  await page.getByTestId('login-password').fill('demo1234');
  await page.getByTestId('login-password').press('Enter');
  await expect(page.getByTestId('staff-name')).toBeVisible();
}

test.beforeAll(async () => {
  test.setTimeout(240_000);
  dir = mkdtempSync(path.join(os.tmpdir(), 'epc-e2e-store-paper-'));
  pg = await startPgCluster({ fastUnsafe: true });
  store = await spawnStoreServer(pg.url, await freePort());
  for (const id of ['A', 'B'] as const) {
    const app = await startCounter(id);
    const login = await fetch(`${app.url}/api/auth.login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'yaoshi', password: 'demo1234' }),
    });
    const token = ((await login.json()) as { value: { token: string } }).value.token;
    apps[id] = { ...app, token };
  }
});

test.afterAll(async () => {
  for (const a of Object.values(apps)) a?.child.kill('SIGTERM');
  store?.child.kill('SIGTERM');
  await pg?.stop();
  rmSync(dir, { recursive: true, force: true });
});

test('a paper archived at counter A is a finding at B’s capture check before saving; B’s 全店索引 lists both archives and verifies its own by SM3 [R-PAPER-NO][R-PAPER-KEEP]', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const f = paperFields({ patientName: '周纸方' });
  const atA = await api<{ id: number }>('A', 'paper.capture', {
    ...f,
    imageBase64: fakePng().toString('base64'),
  });
  expect(atA.ok, atA.error?.message).toBe(true);
  const key = `${f.institutionCode}-${f.serialNo}`;
  // A's pass runs right after the capture; the store has it once A's index lists it.
  await expect(async () => {
    const r = await api<{ total: number }>('A', 'paper.storeIndex', { key });
    expect(r.value?.total).toBe(1);
  }).toPass({ timeout: 30_000 });

  await openCounter(page, 'B');
  await page.keyboard.press('Alt+KeyP');
  await expect(page.getByTestId('paper-screen')).toBeVisible();
  await page.getByTestId('paper-image-input').setInputFiles({
    name: 'rx.png',
    mimeType: 'image/png',
    buffer: fakePng(),
  });
  await page.getByTestId('paper-institution-code').fill(f.institutionCode);
  await page.getByTestId('paper-institution-name').fill(f.institutionName);
  await page.getByTestId('paper-serial').fill(f.serialNo);
  await page.getByTestId('paper-date').fill(beijingToday());
  await page.getByTestId('paper-physician').fill(f.physicianName);
  await page.getByTestId('paper-patient-name').fill(f.patientName);
  await page.getByTestId('paper-patient-certno').fill(f.patientCertno);
  await page.getByTestId('paper-drug-select').click();
  await page.keyboard.type('氨氯地平');
  await page.keyboard.press('Enter');
  await page.getByTestId('paper-line-days').fill('28');
  await page.getByTestId('paper-line-days').press('Enter');
  await page.getByTestId('paper-signature').click();
  await page.getByTestId('paper-stamp').click();
  await page.keyboard.press('Alt+KeyK');
  const findings = page.getByTestId('paper-findings');
  await expect(findings).toHaveAttribute('data-accepted', 'true');
  await expect(findings).toContainText('已在柜台 A 归档');
  await findings.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screens/paper-seen-at-store-1366.png' });
  await page.keyboard.press('Alt+KeyS');
  await expect(page.getByTestId('paper-saved')).toContainText('已归档');

  await page.keyboard.press('Alt+Shift+KeyF');
  await expect(page.getByTestId('store-index')).toBeVisible();
  await expect(page.getByTestId('store-index-key')).toBeFocused();
  // Typed as a person types: a burst this fast would be taken for a scanner's.
  await page.keyboard.type(key, { delay: 80 });
  await expect(page.getByTestId('store-index-key')).toHaveValue(key);
  const results = page.getByTestId('store-index-results');
  await expect(async () => {
    await page.keyboard.press('Enter');
    await expect(results).toContainText('请在柜台 A 核验', { timeout: 2_000 });
    await expect(results).toContainText('影像与记录的SM3摘要与门店索引一致', { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await expect(page.getByTestId('store-index-key')).toBeFocused();
  await page.getByTestId('store-index').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screens/paper-store-index-1366.png' });

  await page.keyboard.press('Alt+Shift+KeyF');
  await expect(page.getByTestId('store-index')).toHaveCount(0);
});
