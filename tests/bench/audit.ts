import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { canonicalJson } from '../../src/center/rx/canonical-json';
import type { AuditVerifyView } from '../../src/contract/types-audit';
import { type AuditEntry, GENESIS_HASH } from '../../src/domain/audit/audit-entry';
import { createAuditArea } from '../../src/services/audit';
import { createAnchorFile } from '../../src/services/audit/anchor-file';
import { sm3AuditHasher } from '../../src/services/audit/audit-hasher';
import { silentLogger } from '../../src/services/logger';
import { AuditRepository } from '../../src/store/audit-repository';
import { openDatabase } from '../../src/store/database';
import { benchJobs, cheapCall, measureStall, stallRow } from './stall';
import { type BenchRow, percentiles } from './table';

const APPENDS = 300;
const ENTRY = {
  action: 'review.pass',
  outcome: 'ok',
  staffId: 1,
  username: 'yaoshi',
  detail: { reviewId: 1, result: 'pass', statusCode: '1', dualChannel: false },
} as const satisfies Partial<AuditEntry>;
const VERIFY_ENTRIES = 100_000;

/**
 * Audit trail (R-KEEP): the cost of one append as the counter pays it (IMMEDIATE transaction with
 * an fsync, synchronous=FULL, plus the anchor file's write + rename), and a full verify.
 */
export async function benchAudit(): Promise<BenchRow[]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'epc-bench-audit-'));
  const db = openDatabase(path.join(dir, 'counter.db'));
  try {
    const audit = createAuditArea({
      db,
      log: silentLogger,
      now: () => new Date(),
      config: { dataDir: dir },
    });
    const record = (i: number) => audit.record({ ...ENTRY, subject: `H5001030000${i}` });
    const samples: number[] = [];
    for (let i = 0; i < APPENDS; i++) {
      const t = performance.now();
      record(i);
      samples.push(performance.now() - t);
    }
    const append = percentiles(samples);

    // What the dispatcher adds to an audited call: the pending row before, the entry after.
    const session = { staff: { id: 1, username: 'yaoshi' } };
    const callSamples: number[] = [];
    for (let i = 0; i < APPENDS; i++) {
      const input = { hiRxno: `H5001030000${i}`, result: 'pass' };
      const t = performance.now();
      const pendingId = audit.beforeCall('review.submit', { input, session });
      audit.afterCall(
        'review.submit',
        { input, session, output: { reviewId: i, statusCode: '1' } },
        pendingId,
      );
      callSamples.push(performance.now() - t);
    }
    const call = percentiles(callSamples);

    // Fill to VERIFY_ENTRIES in one transaction (bench setup only), then anchor the head.
    const anchor = createAnchorFile(dir);
    const repo = new AuditRepository(db);
    db.transaction(() => {
      let prev = repo.last();
      for (let seq = (prev?.seq ?? 0) + 1; seq <= VERIFY_ENTRIES; seq++) {
        const entry = { ...ENTRY, seq, at: Date.now(), subject: `H5001030000${seq}` };
        const prevHash = prev?.hash ?? GENESIS_HASH;
        const hash = sm3AuditHasher(prevHash, entry);
        repo.insert({ ...entry, prevHash, hash }, canonicalJson(entry.detail));
        prev = { seq, hash };
      }
      if (prev) anchor.write({ ...prev, at: Date.now() });
    })();
    const anchorSamples: number[] = [];
    for (let i = 0; i < 100; i++) {
      const head = repo.last();
      const t = performance.now();
      if (head) anchor.write({ ...head, at: Date.now() });
      anchorSamples.push(performance.now() - t);
    }
    const started = performance.now();
    const v = audit.verify();
    const verifyMs = performance.now() - started;
    if (!v.ok) throw new Error(`bench chain not intact: ${v.verdict}`);

    // Before issue 20 item 3 the counter verified in slices on its own thread (kept to compare);
    // now in the job thread. Both with a cheap call arriving every 2 ms; what matters is the
    // longest stall. The job thread is started by the first job, as at the counter.
    const cheap = cheapCall(db);
    let sliced: Awaited<ReturnType<typeof audit.verifyInSlices>> | undefined;
    const slicedStarted = performance.now();
    const stall = await measureStall(async () => {
      sliced = await audit.verifyInSlices();
    }, cheap);
    const slicedMs = performance.now() - slicedStarted;
    if (!sliced) throw new Error('sliced verify did not run');
    if (!sliced.ok) throw new Error(`bench chain not intact: ${sliced.verdict}`);
    const jobs = benchJobs(path.join(dir, 'counter.db'), dir);
    // The counter starts its job thread at the first job; that start is measured on its own.
    const startStall = await measureStall(
      () =>
        jobs.run('reports.build', {
          report: 'outbox-health',
          from: '2025-01-01',
          to: '2025-01-01',
          atMs: 0,
        }),
      cheap,
    );
    let threaded: AuditVerifyView | undefined;
    const threadStarted = performance.now();
    const threadStall = await measureStall(async () => {
      threaded = await jobs.run('audit.verify', { witness: undefined });
    }, cheap);
    const threadMs = performance.now() - threadStarted;
    await jobs.close();
    if (!threaded?.ok)
      throw new Error(`bench chain not intact in the job thread: ${threaded?.verdict}`);
    return [
      {
        area: 'audit',
        name: 'append (median)',
        value: append.median,
        unit: 'ms',
        note: `${APPENDS} appends, fsync + anchor file`,
      },
      { area: 'audit', name: 'append (p99)', value: append.p99, unit: 'ms' },
      {
        area: 'audit',
        name: 'audited API call overhead (median)',
        value: call.median,
        unit: 'ms',
        note: 'pending row before + entry after (crash-safe)',
      },
      { area: 'audit', name: 'audited API call overhead (p99)', value: call.p99, unit: 'ms' },
      {
        area: 'audit',
        name: 'of which anchor write (median)',
        value: percentiles(anchorSamples).median,
        unit: 'ms',
        note: 'temp file + rename',
      },
      {
        area: 'audit',
        name: `verify ${VERIFY_ENTRIES.toLocaleString('en-US')} entries`,
        value: verifyMs,
        unit: 'ms',
        note: 'SM3 chain + anchor, one piece (CLI)',
      },
      {
        area: 'audit',
        name: `verify ${VERIFY_ENTRIES.toLocaleString('en-US')} in slices (API)`,
        value: slicedMs,
        unit: 'ms',
        note: 'yields every 5 ms, deadline checked per entry (before issue 20 item 3)',
      },
      {
        area: 'audit',
        name: `verify ${VERIFY_ENTRIES.toLocaleString('en-US')} in the job thread (API)`,
        value: threadMs,
        unit: 'ms',
        note: 'own read-only connection; thread already running',
      },
      await stallRow(
        'audit',
        'audit verify in slices on the counter thread (before)',
        stall,
        undefined,
        {
          judged: false,
        },
      ),
      await stallRow(
        'audit',
        'starting the job thread (first job of the day)',
        startStall,
        'a small report as the first job',
        {
          judged: false,
        },
      ),
      await stallRow('audit', 'audit verify from the counter (job thread)', threadStall),
    ];
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
