import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startSandboxProcess } from '../../scripts/lib/processes';
import { FsiClient } from '../../src/center/fsi-client';
import { startSandbox } from '../../src/sandbox/server';
import { createAppServices } from '../../src/services/app-services';
import { loadConfig } from '../../src/services/config';
import { silentLogger } from '../../src/services/logger';
import { openDatabase } from '../../src/store/database';
import { DEMO_STAFF } from '../../src/store/demo-staff';
import { OutboxRepository } from '../../src/store/outbox-repository';
import { type DrainTiming, timedDrainWorker } from './drain-timing';
import { type BenchRow, percentiles } from './table';

const PENDING = 100_000;
const DRAIN_ITEMS = 10_000;
const RECOVERY_RUNS = 3;

/** A crashed counter's file: 100,000 undelivered items, a batch of them caught in flight. */
function crashedDatabase(file: string): void {
  const db = openDatabase(file);
  const repo = new OutboxRepository(db);
  db.transaction(() => {
    for (let i = 0; i < PENDING; i++) {
      repo.enqueue({
        msgid: `H22000000001${'20260101000000'}${String(i).padStart(6, '0')}`,
        channel: 'fsi',
        infno: i % 2 ? '3505' : '7207',
        body: JSON.stringify({ infno: '3505', n: i, input: { data: { x: 'y'.repeat(400) } } }),
        orderingKey: i % 2 ? null : `RX${i % 5_000}`,
      });
    }
  })();
  db.prepare("UPDATE outbox SET status = 'in_flight' WHERE id % 1000 < 20").run();
  db.close();
}

/** Start-up after a crash: open + migrations + recoverInFlight + the first status-bar figures. */
function recoveryRows(): BenchRow[] {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'epc-bench-offline-'));
  try {
    const samples: number[] = [];
    for (let run = 0; run < RECOVERY_RUNS; run++) {
      const file = path.join(dir, `counter-${run}.db`);
      crashedDatabase(file);
      const t = performance.now();
      const db = openDatabase(file);
      const repo = new OutboxRepository(db);
      const recovered = repo.recoverInFlight();
      const status = repo.status(Date.now());
      samples.push(performance.now() - t);
      db.close();
      if (recovered !== 2_000 || status.pending !== PENDING) throw new Error('recovery miscounted');
    }
    const p = percentiles(samples);
    return [
      {
        area: 'offline',
        name: `start-up recovery with ${PENDING.toLocaleString('en')} pending items`,
        value: p.median,
        unit: 'ms',
        note: `open + migrations + recoverInFlight (2,000 in flight) + first status; median of ${RECOVERY_RUNS}, max ${Math.max(...samples).toFixed(0)} ms`,
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Where the center of a drain runs: the bench's own process, or its own (as in production). */
type CenterPlace = 'same process' | 'own process';

interface DrainRun {
  delivered: number;
  /** Sends that got no usable answer and were retried (each counted). */
  retried: number;
  seconds: number;
  timing: DrainTiming;
  /** CPU time of this process (the counter, and the center when it runs here) per item, ms. */
  cpuPerItem: number;
  /** CPU time of the center's process per item, ms (own process only, where /proc tells). */
  centerCpuPerItem: number | null;
  rssBefore: number;
  rssPeak: number;
}

/** A counter (app services, its own database) against the sandbox at `sandboxUrl`. */
async function counterAgainst(sandboxUrl: string, dir: string) {
  const config = loadConfig({
    mode: 'browser',
    version: 'bench',
    dataDir: path.join(dir, 'app'),
    sandboxUrl,
  });
  return createAppServices(config, silentLogger);
}

/** Seconds of CPU a process has used so far (Linux /proc; null elsewhere). */
function processCpuSeconds(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks) ? ticks / 100 : null;
  } catch {
    return null;
  }
}

/** DRAIN_ITEMS queued 3501 uploads drained by the app's worker code, timed by part. */
async function drainRun(place: CenterPlace): Promise<DrainRun> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'epc-bench-drain-'));
  const center =
    place === 'own process'
      ? await startSandboxProcess(
          { SANDBOX_PORT: '0', SANDBOX_DB: path.join(dir, 'sandbox.db') },
          {
            quiet: true,
          },
        )
      : null;
  const inProcess =
    place === 'same process'
      ? await startSandbox({ port: 0, dbFile: path.join(dir, 'sandbox.db') })
      : null;
  const services = await counterAgainst(center?.url ?? inProcess?.url ?? '', dir);
  try {
    await services.worker.stop();
    const pharmacist = DEMO_STAFF.find((s) => s.role === 'pharmacist');
    if (!pharmacist) throw new Error('no demo pharmacist');
    const login = await services.auth.login(pharmacist.username, pharmacist.password);
    const session = services.auth.authenticate(login.token);
    const signNo = await services.auth.ensureSignedIn(session);
    const fsi = new FsiClient(services.config.fsi);
    services.db.transaction(() => {
      for (let i = 0; i < DRAIN_ITEMS; i++) {
        const req = fsi.buildRequest(
          {
            infno: '3501',
            input: {
              invinfo: {
                med_list_codg: 'XJ01CAA040A001010100435',
                fixmedins_hilist_id: 'XJ01CAA040A001010100435',
                fixmedins_hilist_name: '阿莫西林胶囊',
                fixmedins_bchno: `OFFLINE${i}`,
                rx_flag: '1',
                invdate: '2025-01-01',
                inv_cnt: 10,
                // the packs on hand, one code each (R-STOCK: amoxicillin is traced)
                drugtracinfo: Array.from({ length: 10 }, (_, k) => ({
                  drug_trac_codg: `8010371${String(i * 10 + k).padStart(13, '0')}`,
                })),
              },
            },
            opter: session.staff.username,
            opterName: session.staff.displayName,
            signNo,
          },
          `${services.config.pharmacy.code}20200102000000${String(i).padStart(4, '0')}`,
        );
        services.outbox.enqueue({
          msgid: req.msgid,
          channel: 'fsi',
          infno: '3501',
          body: JSON.stringify(req),
        });
      }
    })();
    global.gc?.();
    const rssBefore = process.memoryUsage.rss();
    let rssPeak = rssBefore;
    // rss() alone: process.memoryUsage() also walks the heap, a cost the drain would pay.
    const sampler = setInterval(() => {
      rssPeak = Math.max(rssPeak, process.memoryUsage.rss());
    }, 100);
    // The app's worker code over the app's repository and sender, timed by part.
    const { worker, timing } = timedDrainWorker(services.outbox, fsi);
    const centerCpuBefore = processCpuSeconds(center?.child.pid);
    const cpuBefore = process.cpuUsage();
    const t0 = performance.now();
    let delivered = 0;
    let retried = 0;
    let idleRounds = 0;
    // Nothing due means retries wait out their backoff (or the circuit rests): a slow answer on
    // a loaded machine. Then "send now", a few times at most; every retry is in the note.
    while (delivered < DRAIN_ITEMS && idleRounds < 5) {
      const r = idleRounds === 0 ? await worker.drainOnce() : await worker.sendNow();
      delivered += r.delivered;
      retried += r.retried;
      idleRounds = r.delivered + r.retried > 0 ? 0 : idleRounds + 1;
    }
    const seconds = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    const centerCpuAfter = processCpuSeconds(center?.child.pid);
    clearInterval(sampler);
    rssPeak = Math.max(rssPeak, process.memoryUsage.rss());
    const items = Math.max(1, delivered);
    return {
      delivered,
      retried,
      seconds,
      timing,
      cpuPerItem: (cpu.user + cpu.system) / 1000 / items,
      centerCpuPerItem:
        centerCpuBefore === null || centerCpuAfter === null
          ? null
          : ((centerCpuAfter - centerCpuBefore) * 1000) / items,
      rssBefore,
      rssPeak,
    };
  } finally {
    await services.close();
    await inProcess?.close();
    if (center) {
      center.child.kill('SIGTERM');
      await once(center.child, 'exit');
    }
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * 10,000 queued 3501 uploads drained, first against a sandbox center in its own process (as in
 * production, where the center is elsewhere: the figure the target is about), then against one
 * inside the bench's process (the counter and the center then share one thread). Each reports
 * the counter's own CPU time per item and where its wall time goes.
 */
export async function benchDrain(): Promise<BenchRow[]> {
  const own = await drainRun('own process');
  const same = await drainRun('same process');
  const mb = (b: number) => b / 1024 / 1024;
  const perItem = (run: DrainRun, ms: number) => (ms / Math.max(1, run.delivered)).toFixed(3);
  const wallPerItem = (run: DrainRun) => (run.seconds * 1000) / Math.max(1, run.delivered);
  const parts = (run: DrainRun) =>
    `claim ${perItem(run, run.timing.claim)} ms, storing outcomes ${perItem(run, run.timing.store)} ms (main thread, durable commits); round trip ${perItem(run, run.timing.roundTrips)} ms per item summed over overlapping lanes`;
  const centerCpu =
    own.centerCpuPerItem === null ? 'unknown' : `${own.centerCpuPerItem.toFixed(3)} ms`;
  return [
    {
      area: 'offline',
      name: `drain ${DRAIN_ITEMS.toLocaleString('en')} items against the sandbox`,
      value: own.delivered / own.seconds,
      unit: 'items/s',
      note: `${own.delivered} delivered in ${own.seconds.toFixed(1)} s (${own.retried} retries); sandbox center in its own process (as in production); batch 50, 4 to 16 lanes as the center answers, one commit per batch`,
      target: { op: '≥', limit: 1000 },
    },
    {
      area: 'offline',
      name: 'drain: wall time per delivered item',
      value: wallPerItem(own),
      unit: 'ms',
      note: `of which ${parts(own)}`,
    },
    {
      area: 'offline',
      name: 'drain: counter CPU per delivered item',
      value: own.cpuPerItem,
      unit: 'ms',
      note: `this process only (worker, repository, HTTP client, JSON); the center's process used ${centerCpu} per item`,
    },
    {
      area: 'offline',
      name: 'drain with the sandbox in the same process',
      value: same.delivered / same.seconds,
      unit: 'items/s',
      note: `${same.delivered} delivered in ${same.seconds.toFixed(1)} s (${same.retried} retries); counter and center share one thread: CPU ${same.cpuPerItem.toFixed(3)} ms per item for both; wall ${wallPerItem(same).toFixed(3)} ms per item, ${parts(same)}`,
    },
    {
      area: 'offline',
      name: 'peak RSS while draining',
      value: mb(own.rssPeak),
      unit: 'MB',
      note: `RSS ${mb(own.rssBefore).toFixed(0)} MB before the drain; the counter's process (the center in its own)`,
    },
  ];
}

/** Issue "Offline first": recovery after a crash (drain throughput and memory: benchDrain). */
export async function benchOffline(): Promise<BenchRow[]> {
  return recoveryRows();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { formatTable } = await import('./table');
  console.log(formatTable([...(await benchOffline()), ...(await benchDrain())]));
}
