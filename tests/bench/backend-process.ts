import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { canonicalJson } from '../../src/center/rx/canonical-json';
import type { ApiResult } from '../../src/contract/types';
import { GENESIS_HASH } from '../../src/domain/audit/audit-entry';
import { startBackendLink } from '../../src/host/backend/backend-link';
import { BACKEND_OPTIONS_ENV } from '../../src/host/backend/protocol';
import { forkNodeBackend } from '../../src/host/backend/transport';
import { startSandbox } from '../../src/sandbox/server';
import { createAnchorFile } from '../../src/services/audit/anchor-file';
import { sm3AuditHasher } from '../../src/services/audit/audit-hasher';
import { AuditRepository } from '../../src/store/audit-repository';
import { openDatabase } from '../../src/store/database';
import { DEMO_STAFF } from '../../src/store/demo-staff';
import { idleStall, measureStall, stallRow } from './stall';
import { type BenchRow, percentiles } from './table';

const ENTRY = '../../src/host/backend-process.ts';
const VERIFY_ENTRIES = 100_000;
/** A short call must not wait behind a long one for more than this (p99), IPC included. */
const SHORT_CALL_BOUND_MS = 50;
const SHORT_EVERY_MS = 5;

/**
 * The desktop backend process (D36): a short call's round trip over the message port, idle and
 * while a 100 000-entry audit verification runs in the same backend, and how late the shell's
 * own event loop (Electron main's stand-in) runs meanwhile.
 */
export async function benchBackendProcess(): Promise<BenchRow[]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'epc-bench-backend-'));
  const dataDir = path.join(dir, 'app');
  const sandbox = await startSandbox({ port: 0, dbFile: path.join(dir, 'sandbox.db') });
  const open = () =>
    startBackendLink({
      fork: () =>
        forkNodeBackend(path.resolve(import.meta.dirname, ENTRY), {
          [BACKEND_OPTIONS_ENV]: JSON.stringify({ dataDir, version: 'bench' }),
          EPC_MODE: 'demo',
          EPC_SANDBOX_URL: sandbox.url,
        }),
      startSandbox: async () => ({ url: sandbox.url }),
      startWaitMs: 120_000,
    });
  try {
    const first = open();
    await first.whenReady();
    await first.close();
    fillAuditChain(dataDir);

    const link = open();
    await link.whenReady();
    const pharmacist = DEMO_STAFF.find((s) => s.role === 'pharmacist');
    const login = await link.call(
      'auth.login',
      { username: pharmacist?.username, password: pharmacist?.password },
      null,
    );
    const token = login.ok ? (login.value as { token: string }).token : null;
    const short = async () => {
      const t = performance.now();
      must(await link.call('app.info', {}, null));
      return performance.now() - t;
    };
    const idle: number[] = [];
    for (let i = 0; i < 100; i++) idle.push(await short());

    const during: number[] = [];
    let verifyMs = 0;
    const stall = await measureStall(async () => {
      const started = performance.now();
      const verify = link.call('audit.verify', {}, token).then((r) => {
        verifyMs = performance.now() - started;
        return must(r);
      });
      let done = false;
      void verify.finally(() => {
        done = true;
      });
      while (!done) {
        during.push(await short());
        await new Promise((r) => setTimeout(r, SHORT_EVERY_MS));
      }
      await verify;
    });
    await link.close();
    const quiet = percentiles(idle);
    const busy = percentiles(during);
    return [
      {
        area: 'backend process',
        name: 'short call over the port, idle (median)',
        value: quiet.median,
        unit: 'ms',
        note: 'app.info, child_process IPC',
      },
      {
        area: 'backend process',
        name: 'audit verify in the backend (wall)',
        value: verifyMs,
        unit: 'ms',
        note: `${VERIFY_ENTRIES} entries, job thread`,
      },
      {
        area: 'backend process',
        name: 'short call while audit verify runs (p99)',
        value: busy.p99,
        unit: 'ms',
        note: `${during.length} calls, one every ${SHORT_EVERY_MS} ms; idle p99 ${quiet.p99.toFixed(1)} ms; idle second's loop stall here ${(await idleStall()).toFixed(1)} ms`,
        target: { op: '<', limit: SHORT_CALL_BOUND_MS },
      },
      await stallRow(
        'backend process',
        'a 100 000-entry audit verify (the shell’s side)',
        stall,
        'the services run in the backend process; the shell only passes messages',
      ),
    ];
  } finally {
    await sandbox.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function must(result: ApiResult<unknown>): unknown {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/** Bench setup only: the chain grown to VERIFY_ENTRIES in one transaction, the head anchored. */
function fillAuditChain(dataDir: string): void {
  const db = openDatabase(path.join(dataDir, 'counter.db'));
  try {
    const repo = new AuditRepository(db);
    const anchor = createAnchorFile(dataDir);
    const detail = { reviewId: 1, result: 'pass', statusCode: '1', dualChannel: false };
    db.transaction(() => {
      let prev = repo.last();
      for (let seq = (prev?.seq ?? 0) + 1; seq <= VERIFY_ENTRIES; seq++) {
        const entry = {
          action: 'review.pass',
          outcome: 'ok',
          staffId: 1,
          username: 'yaoshi',
          detail,
          seq,
          at: Date.now(),
          subject: `H5001030000${seq}`,
        } as const;
        const prevHash = prev?.hash ?? GENESIS_HASH;
        const hash = sm3AuditHasher(prevHash, entry);
        repo.insert({ ...entry, prevHash, hash }, canonicalJson(entry.detail));
        prev = { seq, hash };
      }
      if (prev) anchor.write({ ...prev, at: Date.now() });
    })();
  } finally {
    db.close();
  }
}
