import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type CounterRuntime, openCounterRuntime } from '../../src/api/counter-runtime';
import { startHost } from '../../src/host/server';
import { type RunningSandbox, startSandbox } from '../../src/sandbox/server';
import {
  loadConfig,
  PROJECT_ROOT,
  SANDBOX_CA_FILE,
  SANDBOX_CONFIG_FILE,
} from '../../src/services/config';
import { createLogger } from '../../src/services/logger';
import type { StartMode } from '../../src/services/setup/data-folder-mode';

interface SandboxFile {
  fsi: { path: string; paasid: string; paasToken: string };
  epc: {
    pathPrefix: string;
    appId: string;
    appSecret: string;
    sm2UserId: string;
    appKeys: { privateKey: string };
    platformKeys: { publicKey: string };
  };
  pharmacy: { fixmedinsCode: string; fixmedinsName: string; admdvs: string; devNo: string };
}

/** A center configuration file (centerFileSchema) for a running sandbox, as a pharmacy would get one. */
export function centerFileFor(sandboxUrl: string) {
  const s = JSON.parse(readFileSync(SANDBOX_CONFIG_FILE, 'utf8')) as SandboxFile;
  return {
    fsi: {
      baseUrl: sandboxUrl,
      path: s.fsi.path,
      paasid: s.fsi.paasid,
      paasToken: s.fsi.paasToken,
    },
    epc: {
      baseUrl: sandboxUrl,
      pathPrefix: s.epc.pathPrefix,
      appId: s.epc.appId,
      appSecret: s.epc.appSecret,
      privateKey: s.epc.appKeys.privateKey,
      platformPublicKey: s.epc.platformKeys.publicKey,
      sm2UserId: s.epc.sm2UserId,
    },
    trust: { caFiles: ['sandbox-ca.pem'], crlUrl: `${sandboxUrl}/epc/api/x/crl` },
    pharmacy: s.pharmacy,
  };
}

export const SANDBOX_CA_BASE64 = readFileSync(SANDBOX_CA_FILE).toString('base64');

export interface SetupHarness {
  dataDir: string;
  sandbox: RunningSandbox;
  runtime: CounterRuntime;
  /** Every log line the counter wrote. */
  logLines: string[];
  /** How often the wizard's demo choice started a sandbox. */
  sandboxStarts: number;
  api<T = unknown>(
    method: string,
    input?: unknown,
    token?: string | null,
  ): Promise<{
    ok: boolean;
    value?: T;
    error?: { code: string; message: string; detail?: string };
  }>;
  close(): Promise<void>;
}

/** The counter over real HTTP on an empty data folder in the given start mode, and a sandbox center. */
export async function startSetupHarness(
  mode: StartMode = { kind: 'setup' },
): Promise<SetupHarness> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'epc-setup-'));
  const dataDir = path.join(dir, 'app');
  const sandbox = await startSandbox({ port: 0, dbFile: path.join(dir, 'sandbox.db') });
  const logLines: string[] = [];
  const harness = { sandboxStarts: 0 } as SetupHarness;
  const runtime = await openCounterRuntime({
    mode,
    dataDir,
    policyDir: path.join(PROJECT_ROOT, 'config/policy'),
    log: createLogger((line) => logLines.push(line)),
    configFor: (source) => {
      const config = loadConfig({ mode: 'browser', version: 'test', dataDir, ...source });
      config.fsi.timeoutMs = 1500;
      return config;
    },
    startSandbox: async () => {
      harness.sandboxStarts += 1;
      return { url: sandbox.url, stop() {} };
    },
  });
  const host = await startHost({ dispatch: runtime.dispatch, staticDir: dir, port: 0 });
  return Object.assign(harness, {
    dataDir,
    sandbox,
    runtime,
    logLines,
    async api(method: string, input: unknown = {}, token: string | null = null) {
      const res = await fetch(`${host.url}/api/${method}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify(input),
      });
      return (await res.json()) as never;
    },
    async close() {
      await host.close();
      await runtime.close();
      await sandbox.close();
      rmSync(dir, { recursive: true, force: true });
    },
  });
}
