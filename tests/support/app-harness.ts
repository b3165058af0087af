import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDispatcher, type Dispatch } from '../../src/api/dispatch';
import { startHost } from '../../src/host/server';
import { type RunningSandbox, startSandbox } from '../../src/sandbox/server';
import { type AppServices, createAppServices } from '../../src/services/app-services';
import { loadConfig } from '../../src/services/config';
import { type Logger, silentLogger } from '../../src/services/logger';
import type { StoreMode } from '../../src/services/store-mode';

export interface Harness {
  services: AppServices;
  /** The dispatcher behind the HTTP host, for driving the IPC transport's entry with it. */
  dispatch: Dispatch;
  appUrl: string;
  sandboxUrl: string;
  sandbox: RunningSandbox;
  /** Calls the API over HTTP, exactly as the browser-mode renderer does. */
  api<T = unknown>(
    method: string,
    input: unknown,
    token?: string | null,
  ): Promise<{
    ok: boolean;
    value?: T;
    error?: { code: string; message: string; ruleId?: string; citation?: string };
  }>;
  fault(rule: {
    target: string;
    kind: string;
    delayMs?: number;
    times?: number;
    phase?: 'before' | 'after';
  }): Promise<void>;
  clearFaults(): Promise<void>;
  /**
   * Closes the counter (services and host) and starts it again on the same data folder and the
   * same sandbox center, as after closing the program at noon; `services`, `dispatch` and
   * `appUrl` then name the new counter. `whileStopped` runs with no counter on the folder (a
   * restore, a tool run with the program closed).
   */
  restartCounter(whileStopped?: () => Promise<void>): Promise<void>;
  /** Resolves once a restart the counter asked for itself (a staged restore) is done. */
  whenRestarted(): Promise<void>;
  close(): Promise<void>;
}

/** The app in browser mode on a fresh data folder, against an in-process sandbox center, over real HTTP. */
export async function startHarness(
  opts: {
    signInValidHours?: number;
    logger?: Logger;
    store?: StoreMode;
    /** The pharmacy's registered admdvs (its pool area, R-REGION), e.g. '441900' for Dongguan. */
    pharmacyAdmdvs?: string;
    /** A center shared with other counters of the same pharmacy; the caller closes it. */
    sandbox?: RunningSandbox;
  } = {},
): Promise<Harness> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'epc-it-'));
  const sandbox =
    opts.sandbox ??
    (await startSandbox({
      port: 0,
      dbFile: path.join(dir, 'sandbox.db'),
      ...(opts.signInValidHours === undefined ? {} : { signInValidHours: opts.signInValidHours }),
    }));
  const config = loadConfig({
    mode: 'browser',
    version: 'test',
    dataDir: path.join(dir, 'app'),
    sandboxUrl: sandbox.url,
    ...(opts.store ? { store: opts.store } : {}),
  });
  config.fsi.timeoutMs = 1500;
  if (opts.pharmacyAdmdvs) config.pharmacy.admdvs = opts.pharmacyAdmdvs;
  let selfRestart: Promise<void> | null = null;
  const startCounter = async () => {
    const logger = opts.logger ?? silentLogger;
    const services = await createAppServices(config, logger, {
      restart: () => {
        selfRestart = harness.restartCounter();
      },
    });
    const dispatch = createDispatcher(services, logger);
    const host = await startHost({ dispatch, staticDir: dir, port: 0 });
    return { services, dispatch, host };
  };
  let counter = await startCounter();
  const post = (url: string, body: unknown, method = 'POST') =>
    fetch(url, {
      method,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const harness: Harness = {
    services: counter.services,
    dispatch: counter.dispatch,
    appUrl: counter.host.url,
    sandboxUrl: sandbox.url,
    sandbox,
    async api(method, input, token = null) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (token) headers.authorization = `Bearer ${token}`;
      const res = await fetch(`${counter.host.url}/api/${method}`, {
        method: 'POST',
        headers,
        body: JSON.stringify(input),
      });
      return res.json();
    },
    async fault(rule) {
      const res = await post(`${sandbox.url}/x/sandbox/faults`, rule);
      if (!res.ok) throw new Error(`fault injection refused: ${res.status}`);
    },
    async clearFaults() {
      await fetch(`${sandbox.url}/x/sandbox/faults`, { method: 'DELETE' });
    },
    async restartCounter(whileStopped) {
      await counter.host.close();
      await counter.services.close();
      await whileStopped?.();
      counter = await startCounter();
      harness.services = counter.services;
      harness.dispatch = counter.dispatch;
      harness.appUrl = counter.host.url;
    },
    async whenRestarted() {
      const deadline = Date.now() + 10_000;
      while (!selfRestart && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      if (!selfRestart) throw new Error('the counter did not restart itself');
      await selfRestart;
      selfRestart = null;
    },
    async close() {
      await counter.host.close();
      await counter.services.close();
      if (!opts.sandbox) await sandbox.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return harness;
}
