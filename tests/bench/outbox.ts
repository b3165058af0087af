import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../src/store/database';
import { type NewOutboxItem, OutboxRepository } from '../../src/store/outbox-repository';
import { type BenchRow, percentiles } from './table';

/** Each durable measurement runs for about this long (one fsync per commit decides the rate). */
const TIME_BUDGET_MS = 2_500;
const BATCH = 100;

/** A request of realistic size: a 3505 sales upload with a few lines and traceability codes (~1.5 KB). */
function request(n: number): NewOutboxItem {
  const msgid = `H500103000122025010108${String(n).padStart(8, '0')}`;
  const lines = Array.from({ length: 4 }, (_, i) => ({
    med_list_codg: `XJ01CAA040A001010100${i}`,
    fixmedins_hilist_id: `YP${n}-${i}`,
    fixmedins_hilist_name: '阿莫西林胶囊 0.25g*24粒',
    rx_flag: '1',
    sel_retn_cnt: 2,
    sel_retn_time: '2025-01-01 08:00:00',
    drugtracinfo: [{ drug_trac_codg: `8${String(n).padStart(8, '0')}${i}1234567890` }],
  }));
  const body = JSON.stringify({
    infno: '3505',
    msgid,
    mdtrtarea_admvs: '500103',
    input: { selinfo: lines },
  });
  return { msgid, channel: 'fsi', infno: '3505', body, orderingKey: `sale:${Math.floor(n / 4)}` };
}

function withDatabase<T>(
  run: (repo: OutboxRepository, db: ReturnType<typeof openDatabase>) => T,
): T {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'epc-bench-outbox-'));
  const db = openDatabase(path.join(dir, 'counter.db'));
  try {
    return run(new OutboxRepository(db), db);
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Outbox throughput on a file database with the production pragmas (WAL, synchronous=FULL). */
export async function benchOutbox(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const where = `file DB in ${os.tmpdir()}, WAL, synchronous=FULL`;

  // Requests are built outside the timed part: only the commits are measured.
  withDatabase((repo, db) => {
    const enqueueOne = db.transaction((item: NewOutboxItem) => repo.enqueue(item));
    let n = 0;
    let busy = 0;
    while (busy < TIME_BUDGET_MS) {
      const item = request(n++);
      const t = performance.now();
      enqueueOne(item);
      busy += performance.now() - t;
    }
    rows.push({
      area: 'outbox',
      name: 'enqueue, one durable commit per item',
      value: Math.round(n / (busy / 1000)),
      unit: 'items/s',
      note: `${n} items; ${where}`,
    });
  });

  withDatabase((repo, db) => {
    const enqueueBatch = db.transaction((items: NewOutboxItem[]) => {
      for (const item of items) repo.enqueue(item);
    });
    let n = 0;
    let busy = 0;
    while (busy < TIME_BUDGET_MS) {
      const items = Array.from({ length: BATCH }, () => request(n++));
      const t = performance.now();
      enqueueBatch(items);
      busy += performance.now() - t;
    }
    rows.push({
      area: 'outbox',
      name: `enqueue, ${BATCH} items per commit`,
      value: Math.round(n / (busy / 1000)),
      unit: 'items/s',
      note: `${n} items; ${where}`,
    });
  });

  withDatabase((repo, db) => {
    const backlog = 10_000;
    db.transaction(() => {
      for (let i = 0; i < backlog; i += 1) repo.enqueue(request(i));
    })();
    // the first claim against a large backlog: what a counter that was offline for days sees
    const t0 = performance.now();
    const first = repo.claimDue(Date.now(), 20);
    const firstClaimMs = performance.now() - t0;
    for (const item of first) repo.markDelivered(item.id, { infcode: 0 });

    let delivered = first.length;
    const start = performance.now();
    while (performance.now() - start < TIME_BUDGET_MS) {
      const items = repo.claimDue(Date.now(), 20);
      if (items.length === 0) break;
      for (const item of items)
        repo.markDelivered(item.id, { infcode: 0, output: { msgid: item.msgid } });
      delivered += items.length;
    }
    const perSecond = (delivered - first.length) / ((performance.now() - start) / 1000);
    rows.push({
      area: 'outbox',
      name: 'claimDue(20) + markDelivered, one commit per item',
      value: Math.round(perSecond),
      unit: 'items/s',
      note: `from a ${backlog.toLocaleString('en-US')}-item backlog, 4 items per ordering key; ${where}`,
    });
    rows.push({
      area: 'outbox',
      name: `claimDue(20) with ${backlog.toLocaleString('en-US')} items waiting`,
      value: Number(firstClaimMs.toFixed(2)),
      unit: 'ms',
      note: 'one call, including the in_flight commit',
    });
    const samples = Array.from({ length: 30 }, () => {
      const t = performance.now();
      repo.status(Date.now());
      return performance.now() - t;
    });
    const { median, p99 } = percentiles(samples);
    rows.push({
      area: 'outbox',
      name: 'status() over the same table',
      value: Number(median.toFixed(2)),
      unit: 'ms',
      note: `median of 30, worst ${p99.toFixed(2)} ms; status bar refresh`,
    });
  });

  return rows;
}
