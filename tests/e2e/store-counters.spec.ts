import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { type PgCluster, startPgCluster } from '../../scripts/lib/pg-cluster';
import type { SelfPaySaleView } from '../../src/contract/types-settlement';
import { beijingDate } from '../../src/domain/calendar';
import { formatFen } from '../../src/renderer/format/money';
import { cuttableLink } from '../integration/store-server/helpers/cuttable-link';
import { receive } from '../integration/store-server/helpers/stock';
import { COUNTERS, counter, spawnStoreServer } from '../integration/store-server/helpers/store';
import { freePort } from '../integration/store-server/helpers/store-counters';
import { scanUntil } from './support';

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

async function openCounter(page: Page, id: 'A' | 'B', username = 'yaoshi') {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(apps[id].url);
  await page.getByTestId('login-username').fill(username);
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

/** A dialog's or screen's opening animation over, so a screenshot shows what the person reads. */
async function settled(page: Page) {
  await expect(page.locator('.ant-zoom-appear, .ant-zoom-enter, .ant-fade-appear')).toHaveCount(0);
}

// Runs before the test below, which ends by stopping the store server.
test('the 全店 views at counter A: the day report lists A and B and the store total, the store-wide audit trail shows entries of B, the pharmacist on duty at B (and A) is shown; a cashier is refused the trail with the reason [R-RECON][R-KEEP][R-PHARMACIST]', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  // Its own three packs, expiring first (FEFO): the two of beforeAll stay for the test below.
  expect(
    (await receive(counter(store.url, 'A'), LORATADINE, 'E2E-LOR-0', '2028-06-30', 3)).verdict,
  ).toBe('received');
  const sell = async (id: 'A' | 'B') => {
    const sale = await api<SelfPaySaleView>(id, 'sale.selfPay', {
      items: [{ medListCodg: LORATADINE, codes: [packCode()] }],
    });
    expect(sale.ok, sale.error?.message).toBe(true);
    return sale.value?.total.fen ?? Number.NaN;
  };
  const takings = (await sell('A')) + (await sell('B')) + (await sell('B'));
  for (const id of ['B', 'A'] as const) {
    const shift = await api(id, 'shift.open', {});
    expect(shift.ok, shift.error?.message).toBe(true);
  }

  const a = await browser.newPage();
  await openCounter(a, 'A');
  await a.keyboard.press('Alt+KeyB');
  await expect(a.getByTestId('reports-tab-store')).toBeVisible();
  await a.keyboard.press('6');
  await expect(a.getByTestId('reports-view-store')).toBeVisible();
  await a.getByTestId('store-day').fill(beijingDate(new Date()));
  const total = a.locator('[data-testid="store-day-row"][data-counter="store"]');
  // The counters' passes deliver cash sales and shifts within seconds: read again until in.
  await expect(async () => {
    await a.getByTestId('store-day').press('Enter');
    await expect(total).toContainText(formatFen(takings), { timeout: 2_000 });
    await expect(a.getByTestId('store-on-duty-row')).toHaveCount(2, { timeout: 2_000 });
  }).toPass({ timeout: 45_000 });
  await expect(a.locator('[data-testid="store-day-row"][data-counter="A"]')).toContainText(
    '柜台 A',
  );
  await expect(a.locator('[data-testid="store-day-row"][data-counter="B"]')).toContainText(
    '柜台 B',
  );
  await expect(total).toContainText('全店合计');
  await expect(a.getByTestId('store-day-summary')).toContainText('2 个柜台');
  await expect(a.getByTestId('store-day-summary')).toContainText('自费零售 3 笔');
  const atB = a.locator('[data-testid="store-on-duty-row"][data-counter="柜台 B"]');
  await expect(atB).toContainText('张敏');
  await expect(atB.getByTestId('store-on-duty-several')).toHaveText('同时在 2 个柜台在岗');
  await a.screenshot({ path: 'test-results/screens/store-wide-reports-1366.png' });
  await a.keyboard.press('Escape');

  await a.keyboard.press('Alt+KeyL');
  // Keyboard only: the toggle's checked radio, then → to 全店.
  await a.getByTestId('audit-view').locator('input[value="counter"]').focus();
  await a.keyboard.press('ArrowRight');
  await expect(a.getByTestId('audit-store-from')).toBeFocused();
  await a.getByTestId('audit-store-counter').fill('B');
  const fromB = a.locator('[data-testid="audit-store-entry"][data-counter="B"]');
  await expect(async () => {
    await a.getByTestId('audit-store-counter').press('Enter');
    await expect(fromB.first()).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 45_000 });
  await expect(a.locator('[data-testid="audit-store-entry"][data-counter="A"]')).toHaveCount(0);
  await expect(
    a.locator('[data-testid="audit-store-entry"][data-action="sale.selfPay"]').first(),
  ).toContainText('自费零售');
  await settled(a);
  await a.screenshot({ path: 'test-results/screens/store-wide-audit-1366.png' });
  await a.keyboard.press('Escape');
  await expect(a.getByTestId('audit-store-panel')).toHaveCount(0);

  const cashier = await browser.newPage();
  await openCounter(cashier, 'A', 'shouyin');
  await cashier.keyboard.press('Alt+KeyL');
  const refusal = cashier.getByTestId('error-banner');
  await expect(refusal).toContainText('只有管理员或执业药师可以查看和校验审计日志');
  await expect(refusal).toHaveAttribute('data-rule', 'R-KEEP');
  await expect(cashier.getByTestId('audit-store-panel')).toHaveCount(0);
  await cashier.screenshot({ path: 'test-results/screens/store-wide-audit-cashier-1366.png' });
  for (const id of ['A', 'B'] as const) await api(id, 'shift.close', {});
  await cashier.close();
  await a.close();
});

/** Picks an option of an antd Select by typing and Enter. */
async function pick(page: Page, testId: string, text: string): Promise<void> {
  await page.getByTestId(testId).locator('input').focus();
  await page.keyboard.type(text);
  await expect(page.locator('.ant-select-item-option', { hasText: text }).first()).toBeVisible();
  await page.keyboard.press('Enter');
}

test('a batch received at B is in A’s 全店库存 with the receiving counter; offline A shows its last copy marked with the time read [R-STOCK][R-SUPPLY]', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const supplier = `渝东医药${Date.now() % 100_000}有限公司`;
  const registered = await api('B', 'stock.saveSupplier', {
    name: supplier,
    licenceNo: '渝AA0299002',
    licenceValidUntil: '2030-12-31',
    active: true,
  });
  expect(registered.ok).toBe(true);
  const batchNo = `STORE${Date.now() % 10_000_000}`;

  const b = await browser.newPage();
  await openCounter(b, 'B');
  await b.keyboard.press('Alt+KeyC');
  await expect(b.getByTestId('stock-view-counter')).toBeVisible();
  await b.keyboard.press('Alt+KeyJ');
  await pick(b, 'stock-receive-drug', '阿莫西林');
  await b.getByTestId('stock-receive-batch').fill(batchNo);
  await b.getByTestId('stock-receive-packs').fill('3');
  await b.getByTestId('stock-receive-expiry').fill('2029-06-30');
  await b.getByTestId('stock-receive-manu').fill('2025-01-10');
  await pick(b, 'stock-receive-supplier', supplier.slice(0, 4));
  const scanned = b.getByTestId('stock-receive-codes');
  const base = (Date.now() % 1e9) * 10;
  for (let i = 0; i < 3; i++) {
    await scanUntil(b, `80103715${String(base + i).padStart(12, '0')}`, () =>
      expect(scanned).toHaveAttribute('data-count', String(i + 1), { timeout: 3_000 }),
    );
  }
  await b.getByTestId('stock-receive-invoice').fill('FP-STORE-1');
  await b.getByTestId('stock-receive-invoice').press('Enter');
  await expect(b.getByTestId('stock-notice')).toContainText(`批号 ${batchNo}（门店服务器已登记）`);

  const a = await browser.newPage();
  await openCounter(a, 'A');
  await a.keyboard.press('Alt+KeyC');
  // Keyboard only: Tab reaches the 全店库存 tab, Enter opens it.
  await a.getByTestId('stock-view-counter').focus();
  await a.keyboard.press('Tab');
  await expect(a.getByTestId('stock-view-store')).toBeFocused();
  await a.keyboard.press('Enter');
  const row = a.getByTestId(`store-stock-${batchNo}`);
  await expect(row).toContainText('阿莫西林胶囊');
  await expect(row).toContainText('2029-06-30');
  await expect(row).toContainText('3');
  await expect(row).toContainText('柜台 B');
  await expect(a.getByTestId('store-stock-note')).toContainText('门店库存（门店服务器');
  await a.screenshot({ path: 'test-results/screens/store-stock-online-1366.png' });

  await linkOfA.cut();
  try {
    await a.keyboard.press('Alt+KeyR');
    await expect(a.getByTestId('store-stock-copy')).toContainText('离线副本（');
    await expect(a.getByTestId('store-stock-copy')).toContainText('门店服务器无法连接');
    await expect(row).toContainText('柜台 B');
    await a.screenshot({ path: 'test-results/screens/store-stock-offline-copy-1366.png' });
  } finally {
    await linkOfA.restore();
  }
  await a.close();
  await b.close();
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
