import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiResult } from '../../../src/contract/types';
import {
  type BackendStatus,
  CALL_INTERRUPTED,
  startBackendLink,
} from '../../../src/host/backend/backend-link';
import { BACKEND_OPTIONS_ENV, MALFORMED_MESSAGE } from '../../../src/host/backend/protocol';
import { type BackendChild, forkNodeBackend } from '../../../src/host/backend/transport';
import { createPrescription } from '../../../src/sandbox/hospital/create-prescription';
import { DEMO_PATIENTS } from '../../../src/sandbox/seed-data';
import { startSandbox } from '../../../src/sandbox/server';
import { DEMO_STAFF } from '../../../src/store/demo-staff';
import { codeFor, SELF_PAY_DRUG } from '../crash/crash-fixtures';

const ENTRY = path.resolve(import.meta.dirname, '../../../src/host/backend-process.ts');
const pharmacist = DEMO_STAFF.find((s) => s.role === 'pharmacist');
type Sandbox = Awaited<ReturnType<typeof startSandbox>>;

/** A backend link on `dataDir` whose forks the test can reach (to kill one, or talk to it raw). */
function linkOn(dataDir: string, sandbox: Sandbox) {
  const children: BackendChild[] = [];
  const statuses: BackendStatus[] = [];
  const link = startBackendLink({
    fork: () => {
      const child = forkNodeBackend(ENTRY, {
        [BACKEND_OPTIONS_ENV]: JSON.stringify({ dataDir, version: 'test' }),
        EPC_MODE: 'demo',
        EPC_SANDBOX_URL: sandbox.url,
      });
      children.push(child);
      return child;
    },
    startSandbox: async () => ({ url: sandbox.url }),
    onStatus: (s) => statuses.push(s),
    startWaitMs: 60_000,
  });
  return { link, children, statuses };
}

function answerOf<T>(result: ApiResult<unknown>): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value as T;
}

function outboxMsgids(dataDir: string): Map<string, string> {
  const db = new Database(path.join(dataDir, 'counter.db'), { readonly: true });
  try {
    const rows = db.prepare('SELECT msgid, status FROM outbox').all() as Array<{
      msgid: string;
      status: string;
    }>;
    return new Map(rows.map((r) => [r.msgid, r.status]));
  } finally {
    db.close();
  }
}

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 600 && !condition(); i++) await new Promise((r) => setTimeout(r, 50));
}

/** The next raw message from `child` that satisfies `match`. */
function nextMessage(child: BackendChild, match: (m: Record<string, unknown>) => boolean) {
  return new Promise<Record<string, unknown>>((resolve) =>
    child.on('message', (m) => {
      if (m && typeof m === 'object' && match(m as Record<string, unknown>))
        resolve(m as Record<string, unknown>);
    }),
  );
}

describe('the desktop backend runs in its own process behind the same contract (issue 15.7)', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'epc-backend-process-'));
  const dataDir = path.join(dir, 'app');
  let sandbox: Sandbox;
  let backend: ReturnType<typeof linkOn>;
  let token = '';
  let serial = (Date.now() % 1_000_000) * 1000;
  const call = async <T>(method: string, input: unknown) =>
    answerOf<T>(await backend.link.call(method, input, token));

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, dbFile: path.join(dir, 'sandbox.db') });
    backend = linkOn(dataDir, sandbox);
    await backend.link.whenReady();
  }, 90_000);
  afterAll(async () => {
    await backend?.link.close();
    await sandbox?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('signs in, downloads and verifies a prescription and verifies the audit chain through the message port [R-AUTH][R-SIGN][R-KEEP]', async () => {
    expect(backend.statuses[0]).toEqual({ state: 'ready', mode: 'demo' });
    if (!pharmacist) throw new Error('no demo pharmacist');
    const login = answerOf<{ token: string }>(
      await backend.link.call(
        'auth.login',
        { username: pharmacist.username, password: pharmacist.password },
        null,
      ),
    );
    token = login.token;
    await call('shift.open', {});
    const patient = DEMO_PATIENTS[0];
    if (!patient) throw new Error('no demo patient');
    const rx = await createPrescription(
      { baseUrl: sandbox.url },
      { patient, drugs: [SELF_PAY_DRUG] },
    );
    const found = await call<Array<{ ticket: unknown }>>('rx.find', { by: 'qr', qr: rx.qr });
    const downloaded = await call<{ hiRxno: string }>('rx.download', found[0]?.ticket);
    expect(downloaded.hiRxno).toBe(rx.hiRxno);
    const verify = await call<{ ok: boolean }>('audit.verify', {});
    expect(verify.ok).toBe(true);
    const refused = await backend.link.call('audit.verify', {}, 'not-a-session');
    expect(refused).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  }, 60_000);

  it('answers concurrent calls each by its own id, a long audit verification beside short reads [R-KEEP]', async () => {
    const calls = Array.from({ length: 12 }, (_, i) =>
      i % 3 === 0
        ? backend.link.call('audit.verify', {}, token).then((r) => ['audit.verify', r] as const)
        : i % 3 === 1
          ? backend.link.call('app.info', {}, null).then((r) => ['app.info', r] as const)
          : backend.link.call('shift.status', {}, token).then((r) => ['shift.status', r] as const),
    );
    for (const [method, result] of await Promise.all(calls)) {
      const value = answerOf<Record<string, unknown>>(result);
      if (method === 'audit.verify') expect(value).toHaveProperty('ok', true);
      if (method === 'app.info') expect(value).toMatchObject({ mode: 'desktop', sandbox: true });
      if (method === 'shift.status') expect(value).not.toHaveProperty('sandbox');
    }
  }, 60_000);

  it('refuses malformed messages on the port and keeps answering well-formed ones [R-AUTH]', async () => {
    const child = backend.children.at(-1);
    if (!child) throw new Error('no backend');
    const badMethod = nextMessage(child, (m) => m.id === 900_001);
    child.postMessage({ type: 'call', id: 900_001, method: '../../etc', params: {}, token: null });
    expect(await badMethod).toMatchObject({
      type: 'result',
      result: { ok: false, error: { code: 'VALIDATION', message: MALFORMED_MESSAGE } },
    });
    const badToken = nextMessage(child, (m) => m.id === 900_002);
    child.postMessage({ type: 'call', id: 900_002, method: 'app.info', params: {}, token: 7 });
    expect(await badToken).toMatchObject({ result: { ok: false, error: { code: 'VALIDATION' } } });
    const garbage = nextMessage(child, (m) => m.type === 'refused');
    child.postMessage('DROP TABLE outbox');
    expect(await garbage).toEqual({ type: 'refused', message: MALFORMED_MESSAGE });
    const extra = nextMessage(child, (m) => m.id === 900_003);
    child.postMessage({ type: 'ask', id: 900_003, question: 'readFile', value: 1 });
    expect(await extra).toMatchObject({ type: 'answer', result: { ok: false } });
    expect(answerOf(await backend.link.call('app.info', {}, null))).toMatchObject({
      mode: 'desktop',
    });
  }, 30_000);

  it('a restore staged from the backup panel restarts the backend process through the same link: sessions end, the restored database answers [R-KEEP]', async () => {
    const admin = DEMO_STAFF.find((s) => s.role === 'admin');
    if (!admin || !pharmacist) throw new Error('no demo admin');
    const signIn = async (who: { username: string; password: string }) =>
      answerOf<{ token: string }>(
        await backend.link.call(
          'auth.login',
          { username: who.username, password: who.password },
          null,
        ),
      ).token;
    const adminToken = await signIn(admin);
    const backup = answerOf<{ last: { folder: string } | null }>(
      await backend.link.call('backup.run', {}, adminToken),
    );
    const name = path.basename(backup.last?.folder ?? '');
    const forks = backend.children.length;
    const staged = await backend.link.call(
      'backup.restore',
      { name, confirm: '确认恢复' },
      adminToken,
    );
    expect(staged).toMatchObject({ ok: true, value: { restarting: true } });
    await until(() => backend.children.length > forks);
    await backend.link.whenReady();
    // A restore is not a crash: the one crash restart is still to come.
    const restarts = backend.statuses.flatMap((st) =>
      st.state === 'restarting' ? [st.reason] : [],
    );
    expect(restarts).toEqual(['restore']);
    expect(backend.statuses.at(-1)).toEqual({ state: 'ready', mode: 'demo' });
    expect(await backend.link.call('auth.session', {}, adminToken)).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
    const db = new Database(path.join(dataDir, 'counter.db'), { readonly: true });
    const restored = db
      .prepare("SELECT COUNT(*) FROM audit_log WHERE action = 'backup.restored'")
      .pluck()
      .get();
    db.close();
    expect(restored).toBe(1);
    token = await signIn(pharmacist);
  }, 90_000);

  it('a call in flight when the backend is SIGKILLed gets a Chinese error; the backend restarts once and every queued upload is still there [R-SALES-UP][R-KEEP]', async () => {
    const sale = await call<{ saleId: number }>('sale.selfPay', {
      items: [{ medListCodg: SELF_PAY_DRUG, codes: [codeFor(SELF_PAY_DRUG, serial++)] }],
    });
    expect(sale.saleId).toBeGreaterThan(0);
    const before = outboxMsgids(dataDir);
    expect(before.size).toBeGreaterThan(0);

    const forks = backend.children.length;
    const victim = backend.children.at(-1);
    const inFlight = backend.link.call('audit.verify', {}, token);
    await new Promise((r) => setImmediate(r));
    victim?.kill();
    expect(await inFlight).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: CALL_INTERRUPTED },
    });
    expect(backend.statuses).toContainEqual(
      expect.objectContaining({ state: 'restarting', reason: 'crash' }),
    );

    await backend.link.whenReady();
    expect(backend.children).toHaveLength(forks + 1);
    const after = outboxMsgids(dataDir);
    for (const [msgid, status] of before) {
      expect(after.has(msgid), msgid).toBe(true);
      if (status === 'delivered') expect(after.get(msgid)).toBe('delivered');
    }
    // The session lives in the database: the pharmacist carries on without signing in again.
    expect(answerOf(await backend.link.call('shift.status', {}, token))).toBeTruthy();
  }, 90_000);

  it('a second crash is fatal: calls hear to restart the program instead of waiting [R-KEEP]', async () => {
    const forks = backend.children.length;
    backend.children.at(-1)?.kill();
    await until(() => backend.statuses.at(-1)?.state === 'fatal');
    expect(backend.statuses.at(-1)).toMatchObject({ state: 'fatal', reason: 'crash' });
    const refused = await backend.link.call('app.info', {}, null);
    expect(refused).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(refused.ok ? '' : refused.error.message).toContain('请关闭柜台程序后重新启动');
    expect(backend.children).toHaveLength(forks);
  }, 30_000);
});
