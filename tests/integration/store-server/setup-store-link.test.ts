import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ConnectionReport, StoreLinkChoice } from '../../../src/contract/types-setup';
import type { StoreLinkView } from '../../../src/contract/types-store';
import { loadConfig } from '../../../src/services/config';
import { storedStoreMode, writeStoreMode } from '../../../src/services/store-mode';
import { recordedMsgidSlot } from '../../../src/services/store-msgid-slot';
import {
  centerFileFor,
  SANDBOX_CA_BASE64,
  type SetupHarness,
  startSetupHarness,
} from '../../support/setup-harness';
import { postgresForThisFile } from './helpers/postgres';
import { COUNTERS, INSTITUTION, startInProcessStore } from './helpers/store';

/**
 * The first-run wizard offers 单柜台 or 门店柜台 (issue 17): a counter of a store is recorded in
 * the data folder only after its store server answered for this pharmacy and counter; the
 * counter then starts in store mode, and the EPC_STORE_* variables still override the record.
 */
const pg15 = postgresForThisFile();
let store: Awaited<ReturnType<typeof startInProcessStore>>;
let h: SetupHarness;
beforeAll(async () => {
  store = await startInProcessStore(pg15.url());
}, 120_000);
afterEach(async () => h?.close());
afterAll(() => store?.stop());

const linkFile = () => path.join(h.dataDir, 'store', 'store-link.json');

describe('the set-up wizard chooses 单柜台 or 门店柜台', () => {
  it('records a counter of a store only after store.status answered; a wrong secret or address is named and nothing is stored; its msgid slot is recorded with it [R-AUTH][R-TRACE-ONCE][R-SETTLE]', async () => {
    h = await startSetupHarness();
    const secret = COUNTERS.get('A') ?? '';
    const wrongSecret = await h.api('setup.storeLink', {
      mode: 'counter',
      url: store.server.url,
      counterId: 'A',
      secret: 'x'.repeat(40),
    });
    expect(wrongSecret.error?.code).toBe('CONFLICT');
    expect(wrongSecret.error?.message).toContain('请核对柜台号与柜台密钥');
    const badUrl = await h.api('setup.storeLink', {
      mode: 'counter',
      url: 'store-server',
      counterId: 'A',
      secret,
    });
    expect(badUrl.error).toMatchObject({ code: 'VALIDATION' });
    expect(badUrl.error?.message).toContain('门店服务器地址 须为 http://主机:端口');
    expect(existsSync(linkFile())).toBe(false);

    const chosen = await h.api<StoreLinkChoice>('setup.storeLink', {
      mode: 'counter',
      url: store.server.url,
      counterId: 'A',
      secret,
    });
    expect(chosen.value).toMatchObject({ mode: 'counter', counterId: 'A' });
    expect(statSync(linkFile()).mode & 0o777).toBe(0o600);
    expect(storedStoreMode(h.dataDir)).toEqual({
      mode: 'counter',
      url: store.server.url,
      counterId: 'A',
      secret,
    });
    expect(h.logLines.join('\n')).not.toContain(secret);
    const slotA = await store.pool.query("SELECT msgid_slot FROM counters WHERE counter_id = 'A'");
    expect(recordedMsgidSlot(h.dataDir, INSTITUTION, 'A')).toBe(slotA.rows[0]?.msgid_slot);

    expect((await h.api('setup.chooseDemo')).ok).toBe(true);
    const login = await h.api<{ token: string }>('auth.login', {
      username: 'yaoshi',
      password: 'demo1234',
    });
    const link = await h.api<StoreLinkView>('store.link', {}, login.value?.token);
    expect(link.value).toMatchObject({ mode: 'counter', counterId: 'A', reachable: true });
    expect((await h.api('setup.storeLink', { mode: 'single' })).error?.code).toBe('FORBIDDEN');

    // The environment still overrides the folder's record.
    const fromEnv = loadConfig({
      mode: 'browser',
      version: 'test',
      dataDir: h.dataDir,
      sandboxUrl: h.sandbox.url,
      store: { mode: 'single' },
    });
    expect(fromEnv.store).toEqual({ mode: 'single' });
  });

  it('单柜台 is recorded as such and the counter runs alone [R-TRACE-ONCE]', async () => {
    h = await startSetupHarness();
    const chosen = await h.api<StoreLinkChoice>('setup.storeLink', { mode: 'single' });
    expect(chosen.value?.mode).toBe('single');
    expect(storedStoreMode(h.dataDir)).toEqual({ mode: 'single' });
    expect((await h.api('setup.chooseDemo')).ok).toBe(true);
    const login = await h.api<{ token: string }>('auth.login', {
      username: 'yaoshi',
      password: 'demo1234',
    });
    const link = await h.api<StoreLinkView>('store.link', {}, login.value?.token);
    expect(link.value).toMatchObject({ mode: 'single' });
  });

  it("the wizard's center test of a counter of a store signs in within the msgid slot its store server gave it, and not at all without one [R-SETTLE][R-AUTH]", async () => {
    h = await startSetupHarness();
    const secretB = COUNTERS.get('B') ?? '';
    const chosen = await h.api('setup.storeLink', {
      mode: 'counter',
      url: store.server.url,
      counterId: 'B',
      secret: secretB,
    });
    expect(chosen.ok, chosen.error?.message).toBe(true);
    const slotB = recordedMsgidSlot(h.dataDir, INSTITUTION, 'B');
    expect(slotB).not.toBeNull();
    const file = centerFileFor(h.sandbox.url);
    expect(file.pharmacy.fixmedinsCode).toBe(INSTITUTION);
    const imported = await h.api('setup.importCenterConfig', {
      configText: JSON.stringify(file),
      caFiles: [{ name: 'sandbox-ca.pem', contentBase64: SANDBOX_CA_BASE64 }],
    });
    expect(imported.ok, imported.error?.message).toBe(true);
    const lastMsgid = () =>
      (
        h.sandbox.db
          .prepare('SELECT msgid FROM processed_messages ORDER BY rowid DESC LIMIT 1')
          .get() as { msgid: string } | undefined
      )?.msgid;

    const report = await h.api<ConnectionReport>('setup.testConnection');
    expect(report.value?.steps.find((s) => s.step === 'fsi')?.ok).toBe(true);
    expect(lastMsgid()?.[26]).toBe(String(slotB));

    // A counter whose store server never gave it a slot: the center is not called at all.
    writeStoreMode(h.dataDir, {
      mode: 'counter',
      url: store.server.url,
      counterId: 'C',
      secret: COUNTERS.get('C') ?? '',
    });
    const before = lastMsgid();
    const refused = await h.api<ConnectionReport>('setup.testConnection');
    const fsiStep = refused.value?.steps.find((s) => s.step === 'fsi');
    expect(fsiStep?.ok).toBe(false);
    expect(fsiStep?.message).toContain('尚未从门店服务器取得报文编号段');
    expect(lastMsgid()).toBe(before);
  });
});
