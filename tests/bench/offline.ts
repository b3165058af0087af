import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FsiClient } from '../../src/center/fsi-client';
import { openDatabase } from '../../src/store/database';
import { DEMO_STAFF } from '../../src/store/demo-staff';
import { OutboxRepository } from '../../src/store/outbox-repository';
import { startHarness } from '../support/app-harness';
import { timedDrainWorker } from './drain-timing';
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

/** 10,000 queued 3501 uploads drained against the in-process sandbox, sampling RSS throughout. */
export async function benchDrain(): Promise<BenchRow[]> {
  const h = await startHarness();
  await h.services.worker.stop();
  try {
    const pharmacist = DEMO_STAFF.find((s) => s.role === 'pharmacist');
    if (!pharmacist) throw new Error('no demo pharmacist');
    const login = await h.api<{ token: string }>('auth.login', {
      username: pharmacist.username,
      password: pharmacist.password,
    });
    const session = h.services.auth.authenticate(login.value?.token ?? '');
    const signNo = await h.services.auth.ensureSignedIn(session);
    const fsi = new FsiClient(h.services.config.fsi);
    h.services.db.transaction(() => {
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
          `${h.services.config.pharmacy.code}20200102000000${String(i).padStart(4, '0')}`,
        );
        h.services.outbox.enqueue({
          msgid: req.msgid,
          channel: 'fsi',
          infno: '3501',
          body: JSON.stringify(req),
        });
      }
    })();
    global.gc?.();
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 20);
    // The app's worker code over the app's repository and sender, timed by part.
    const { worker, timing } = timedDrainWorker(h.services.outbox, fsi);
    const t0 = performance.now();
    let delivered = 0;
    while (delivered < DRAIN_ITEMS) {
      const r = await worker.drainOnce();
      if (r.delivered === 0 && r.retried === 0) break;
      delivered += r.delivered;
    }
    const seconds = (performance.now() - t0) / 1000;
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);
    const mb = (b: number) => b / 1024 / 1024;
    const perItem = (ms: number) => (ms / Math.max(1, delivered)).toFixed(3);
    const wallPerItem = (seconds * 1000) / Math.max(1, delivered);
    return [
      {
        area: 'offline',
        name: `drain ${DRAIN_ITEMS.toLocaleString('en')} items against the sandbox`,
        value: delivered / seconds,
        unit: 'items/s',
        note: `${delivered} delivered in ${seconds.toFixed(1)} s (batch 20, 4 to 8 lanes as the center answers, one commit per batch; cf. the settlement suite's drain row)`,
        target: { op: '≥', limit: 1000 },
      },
      {
        area: 'offline',
        name: 'drain: wall time per delivered item',
        value: wallPerItem,
        unit: 'ms',
        note: `of which claim ${perItem(timing.claim)} ms, storing outcomes ${perItem(timing.store)} ms (main thread, durable commits); round trip ${perItem(timing.roundTrips)} ms per item summed over overlapping lanes`,
      },
      {
        area: 'offline',
        name: 'peak RSS while draining',
        value: mb(peak),
        unit: 'MB',
        note: `RSS ${mb(before).toFixed(0)} MB before the drain; app, sandbox center and both databases in one process`,
      },
    ];
  } finally {
    await h.close();
  }
}

/** Issue "Offline first": recovery after a crash (drain throughput and memory: benchDrain). */
export async function benchOffline(): Promise<BenchRow[]> {
  return recoveryRows();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { formatTable } = await import('./table');
  console.log(formatTable([...(await benchOffline()), ...(await benchDrain())]));
}
