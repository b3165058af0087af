import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { type PgCluster, startPgCluster } from '../../scripts/lib/pg-cluster';
import { cuttableLink } from '../integration/store-server/helpers/cuttable-link';
import { receive } from '../integration/store-server/helpers/stock';
import { COUNTERS, counter, spawnStoreServer } from '../integration/store-server/helpers/store';
import { freePort } from '../integration/store-server/helpers/store-counters';

/**
 * Two counters of one pharmacy (two app instances in browser mode, each with its own data
 * folder, on the global set-up's sandbox center) and one store server on a real PostgreSQL:
 * a pack sold at A is refused at B with the Chinese words; a stopped store server shows as
 * offline at both; an offline cash sale at A that B also sold is flagged as a clash at A, and its
 * other pack, which the store's stock no longer covers, is flagged for a count (D53).
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
const LORATADINE = 'XR06AXL020A001010101672';
let pg: PgCluster;
let store: { url: string; child: ChildProcess };
let storePort = 0;
let dir: string;
let linkOfA: Awaited<ReturnType<typeof cuttableLink>>;
const apps: Record<'A' | 'B', { url: string; child: ChildProcess; token: string }> = {} as never;
let serial = 0;
const packCode = () =>
  `8062221${String(Date.now() % 1e6).padStart(6, '0')}${String(serial++).padStart(7, '0')}`;

function startCounter(id: 'A' | 'B'): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/host/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: '0',
      EPC_MODE: 'demo',
      EPC_SANDBOX_URL: process.env.E2E_SANDBOX_URL ?? '',
      EPC_DATA_DIR: path.join(dir, id),
      EPC_STORE_URL: id === 'A' ? linkOfA.url : store.url,
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

async function stopStore(): Promise<void> {
  const exited = new Promise((r) => store.child.once('exit', r));
  store.child.kill('SIGTERM');
  await exited;
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
  dir = mkdtempSync(path.join(os.tmpdir(), 'epc-e2e-store-'));
  pg = await startPgCluster({ fastUnsafe: true });
  storePort = await freePort();
  store = await spawnStoreServer(pg.url, storePort);
  // Two packs at the store: A's and B's online sales take them, A's offline sale finds none.
  expect(
    (await receive(counter(store.url, 'B'), LORATADINE, 'E2E-LOR-1', '2028-12-31', 2)).verdict,
  ).toBe('received');
  linkOfA = await cuttableLink(storePort, await freePort());
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
  await linkOfA?.cut();
  store?.child.kill('SIGTERM');
  await pg?.stop();
  rmSync(dir, { recursive: true, force: true });
});

test('two counters of one store: a pack sold at A is refused at B; offline both say so; an offline clash is listed with both sales and a store stock shortfall beside it; a handed upload is shown as waiting at the store [R-TRACE-ONCE][R-SALES-UP][R-STOCK]', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const a = await browser.newPage();
  const b = await browser.newPage();
  await openCounter(a, 'A');
  await openCounter(b, 'B');
  await expect(a.getByTestId('store-link')).toContainText('柜台 A · 门店已连接');
  await a.screenshot({ path: 'test-results/screens/store-counter-online-1366.png' });

  const sold = packCode();
  expect(
    (await api('A', 'sale.selfPay', { items: [{ medListCodg: LORATADINE, codes: [sold] }] })).ok,
  ).toBe(true);
  const twice = await api('B', 'sale.selfPay', {
    items: [{ medListCodg: LORATADINE, codes: [sold] }],
  });
  expect(twice.ok).toBe(false);
  expect(twice.error?.message).toContain('同一盒药品不得重复销售');
  expect(twice.error?.message).toContain('柜台 A');

  // A's cable is pulled: A sells OTC goods offline; B, connected, sells one of the same packs.
  await linkOfA.cut();
  const offline = [packCode(), packCode()];
  const offlineSale = await api('A', 'sale.selfPay', {
    items: [{ medListCodg: LORATADINE, codes: offline }],
  });
  expect(offlineSale.ok).toBe(true);
  expect(
    (await api('B', 'sale.selfPay', { items: [{ medListCodg: LORATADINE, codes: [offline[0]] }] }))
      .ok,
  ).toBe(true);
  await openCounter(a, 'A');
  await expect(a.getByTestId('store-link')).toHaveAttribute('data-reachable', 'false');
  await expect(a.getByTestId('store-unconfirmed')).toContainText('离线售出 2 码待确认');
  await expect(a.getByText('识别参保人')).toBeVisible();
  await a.screenshot({ path: 'test-results/screens/store-counter-offline-1366.png' });

  await linkOfA.restore();
  await openCounter(a, 'A');
  await expect(a.getByTestId('store-clashes-open')).toContainText('离线零售待核实 2 个', {
    timeout: 30_000,
  });
  await a.getByTestId('store-clashes-open').click();
  await expect(a.getByTestId('store-clash')).toHaveCount(2);
  const short = a.locator(`[data-testid="store-clash"][data-code="${offline[1]}"]`);
  await expect(short).toContainText('门店库存不足：已售出，请盘点该药品');
  await expect(short).toContainText('有 1 盒门店库存中没有');
  const clash = a.locator(`[data-testid="store-clash"][data-code="${offline[0]}"]`);
  await expect(clash).toContainText(offline[0] ?? '');
  await expect(clash).toContainText('柜台 A');
  await expect(clash).toContainText('柜台 B');
  await expect(a.getByTestId('store-clash').first().locator('button')).toBeFocused();
  // The dialog's opening animation over: the screenshot shows it as the pharmacist reads it.
  await expect(a.locator('.ant-zoom-appear, .ant-zoom-enter, .ant-fade-appear')).toHaveCount(0);
  await a.screenshot({ path: 'test-results/screens/store-clash-list-1366.png' });
  await a.keyboard.press('Escape');
  await expect(a.getByTestId('store-clashes')).toHaveCount(0);

  // The center refuses 3505 for a while: B's cash sale's upload is handed over to the store
  // server and waits there; B's queue says so in plain words.
  const sandbox = process.env.E2E_SANDBOX_URL ?? '';
  const fault = await fetch(`${sandbox}/x/sandbox/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ target: '3505', kind: 'http5xx', times: 1000 }),
  });
  expect(fault.status).toBe(201);
  try {
    await receive(counter(store.url, 'B'), LORATADINE, 'E2E-LOR-2', '2028-12-31', 5);
    expect(
      (
        await api('B', 'sale.selfPay', {
          items: [{ medListCodg: LORATADINE, codes: [packCode()] }],
        })
      ).ok,
    ).toBe(true);
    await openCounter(b, 'B');
    // The identify form takes the focus once it is ready; only then is the chip focused.
    await expect(b.getByRole('textbox', { name: '凭证号码' })).toBeFocused();
    await b.getByTestId('outbox-status').focus();
    await b.keyboard.press('Enter');
    const queue = b.getByRole('dialog');
    await expect(queue).toContainText('上传队列与对账');
    await expect(async () => {
      await queue.getByRole('button', { name: '立即发送' }).click();
      await expect(queue).toContainText('已交门店服务器，等待送达', { timeout: 2_000 });
    }).toPass({ timeout: 30_000 });
    await expect(b.locator('.ant-zoom-appear, .ant-zoom-enter, .ant-fade-appear')).toHaveCount(0);
    await b.screenshot({ path: 'test-results/screens/store-outbox-handed-1366.png' });
    await b.keyboard.press('Escape');
  } finally {
    await fetch(`${sandbox}/x/sandbox/faults`, { method: 'DELETE' });
  }

  // The store server stops: both counters say so.
  await stopStore();
  for (const [p, id] of [
    [a, 'A'],
    [b, 'B'],
  ] as const) {
    await openCounter(p, id);
    await expect(p.getByTestId('store-link')).toHaveAttribute('data-reachable', 'false', {
      timeout: 15_000,
    });
    await expect(p.getByTestId('store-link')).toContainText(`柜台 ${id} · 门店离线`);
  }
});
