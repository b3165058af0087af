import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { DEMO_PATIENTS } from '../../../../src/sandbox/seed-data';
import { type RunningSandbox, startSandbox } from '../../../../src/sandbox/server';
import { DEMO_STAFF } from '../../../../src/store/demo-staff';
import { type Harness, startHarness } from '../../../support/app-harness';
import { signedInOnDuty } from '../../../support/settled-sale';
import { cuttableLink } from './cuttable-link';
import { stockTheStore } from './stock';
import { COUNTERS, startInProcessStore } from './store';

export const pharmacist = DEMO_STAFF.find((s) => s.role === 'pharmacist');
export const ownVoucher = DEMO_PATIENTS.find((p) => p.certno === pharmacist?.certno)?.ecToken ?? '';
if (!pharmacist || !ownVoucher) throw new Error('demo data missing');

export type CounterId = 'A' | 'B';

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => resolve(p));
    });
  });
}

/**
 * A store server on PostgreSQL (on a fixed port, so it can be stopped and started again like a
 * real one) and two whole counter apps in store mode, each signed in as the pharmacist on duty.
 * Both talk to one center, as a pharmacy's counters do: two sandbox centers could issue the same
 * prescription number for different prescriptions, which the store's claims would then refuse.
 */
export function storeWithTwoCounters(
  databaseUrl: () => string,
  /** A counter's pharmacy region (e.g. Dongguan 441900 for a 门特 paper purchase). */
  options: Partial<Record<CounterId, { pharmacyAdmdvs: string }>> = {},
  /** The counters' demo stock received at the store too (false: the store starts empty). */
  stockAtStore = true,
) {
  let store: Awaited<ReturnType<typeof startInProcessStore>>;
  let center: RunningSandbox | undefined;
  let centerDir = '';
  let port = 0;
  const counters = {} as Record<CounterId, { h: Harness; token: string }>;
  const links = {} as Record<CounterId, Awaited<ReturnType<typeof cuttableLink>>>;

  async function counterOfStore(id: CounterId) {
    links[id] = await cuttableLink(port, await freePort());
    const h = await startHarness({
      ...(center ? { sandbox: center } : {}),
      ...options[id],
      store: {
        mode: 'counter',
        url: links[id].url,
        counterId: id,
        secret: COUNTERS.get(id) ?? '',
      },
    });
    return { h, token: await signedInOnDuty(h, pharmacist as never) };
  }

  return {
    counters,
    pool: () => store.pool,
    /** The store server's own address (not through a counter's relay). */
    storeUrl: () => store.server.url,
    async start() {
      port = await freePort();
      store = await startInProcessStore(databaseUrl(), port);
      centerDir = mkdtempSync(path.join(os.tmpdir(), 'epc-store-center-'));
      center = await startSandbox({ port: 0, dbFile: path.join(centerDir, 'sandbox.db') });
      counters.A = await counterOfStore('A');
      counters.B = await counterOfStore('B');
      if (stockAtStore) {
        await stockTheStore(store.server.url, {
          A: counters.A.h.services.db,
          B: counters.B.h.services.db,
        });
      }
    },
    async stopAll() {
      for (const c of Object.values(counters)) await c?.h.close();
      for (const l of Object.values(links)) await l?.cut();
      await store?.stop();
      await center?.close();
      if (centerDir) rmSync(centerDir, { recursive: true, force: true });
    },
    /** One counter's link to the store server is cut; the store and the other counter run on. */
    cutOffCounter: (id: CounterId) => links[id].cut(),
    reconnectCounter: (id: CounterId) => links[id].restore(),
    /** The store server still receives this counter's requests, but its answers are lost. */
    loseAnswersOf: (id: CounterId, on: boolean) => links[id].dropAnswers(on),
    /** The store server stops answering (its HTTP side closes; PostgreSQL keeps the data). */
    async cutOff() {
      await store.server.close();
    },
    /** The store server again on the same port and database, as after a restart. */
    async reconnect() {
      await store.pool.end();
      store = await startInProcessStore(databaseUrl(), port);
    },
    call<T>(id: CounterId, method: string, input: unknown) {
      return counters[id].h.api<T>(method, input, counters[id].token);
    },
    async ok<T>(id: CounterId, method: string, input: unknown): Promise<T> {
      const r = await counters[id].h.api<T>(method, input, counters[id].token);
      expect(r.ok, `${id} ${method}: ${r.error?.message}`).toBe(true);
      return r.value as T;
    },
  };
}
