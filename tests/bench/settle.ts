import { FsiClient } from '../../src/center/fsi-client';
import type { RxCandidate } from '../../src/contract/types';
import type { DispensingView } from '../../src/contract/types-dispense';
import { createPrescription } from '../../src/sandbox/hospital/create-prescription';
import { DEMO_PATIENTS } from '../../src/sandbox/seed-data';
import { DEMO_STAFF } from '../../src/store/demo-staff';
import { startHarness } from '../support/app-harness';
import { type BenchRow, percentiles } from './table';

const DRUGS: Array<[string, string]> = [
  ['XJ01CAA040A001010100435', '8010371'],
  ['XC08CAA010A001010201587', '8020741'],
  ['XA10BAA115A001010104107', '8031111'],
  ['XC10AAA050A001010103356', '8041481'],
  ['XA02BCA010E001020100889', '8072591'],
];
const RUNS = 8;
const DRAIN_ITEMS = 10_000;

/** Wraps fetch so the time spent waiting for the center can be taken out of a measurement. */
function fetchClock() {
  const original = globalThis.fetch;
  let inside = 0;
  globalThis.fetch = (async (...args: Parameters<typeof fetch>) => {
    const t = performance.now();
    try {
      return await original(...args);
    } finally {
      inside += performance.now() - t;
    }
  }) as typeof fetch;
  return {
    get inside() {
      return inside;
    },
    restore: () => {
      globalThis.fetch = original;
    },
  };
}

/**
 * Counter time of a 5-line prescription from "settle" (2102) to the printed receipts (thermal
 * and A4), minus the time inside fetch (the center's latency); and the outbox drain rate of
 * 10 000 queued 3505 uploads against the in-process sandbox.
 */
export async function benchSettle(): Promise<BenchRow[]> {
  const h = await startHarness();
  await h.services.worker.stop();
  const pharmacist = DEMO_STAFF.find((s) => s.role === 'pharmacist');
  const patient = DEMO_PATIENTS[0];
  const voucher = DEMO_PATIENTS.find((p) => p.certno === pharmacist?.certno)?.ecToken ?? '';
  if (!pharmacist || !patient) throw new Error('demo data missing');
  const login = await h.api<{ token: string }>('auth.login', {
    username: pharmacist.username,
    password: pharmacist.password,
  });
  const token = login.value?.token ?? '';
  const call = async <T>(method: string, input: unknown) => {
    const r = await h.api<T>(method, input, token);
    if (!r.ok) throw new Error(`${method}: ${r.error?.message}`);
    return r.value as T;
  };
  await call('shift.open', {});
  const session = h.services.auth.authenticate(token);
  let serial = 9_000_000;
  const own: number[] = [];
  const total: number[] = [];
  try {
    for (let run = 0; run < RUNS; run++) {
      const rx = await createPrescription(
        { baseUrl: h.sandboxUrl },
        { patient, drugs: DRUGS.map(([m]) => m) },
      );
      const found = await call<RxCandidate[]>('rx.find', { by: 'qr', qr: rx.qr });
      await call('rx.download', found[0]?.ticket);
      await call('review.submit', {
        hiRxno: rx.hiRxno,
        result: 'pass',
        opinion: '处方合理，用法用量适宜',
        ecToken: voucher,
      });
      await h.services.worker.sendNow();
      const d = await call<DispensingView>('dispense.start', { hiRxno: rx.hiRxno });
      for (const [, product] of DRUGS) {
        const code = `${product}${String(serial++).padStart(13, '0')}`;
        await call('dispense.scan', { dispensingId: d.dispensingId, code });
      }
      await call('dispense.complete', { dispensingId: d.dispensingId });
      const preview = await h.services.settlement.preview(session, {
        dispensingId: d.dispensingId,
      });
      const clock = fetchClock();
      const t = performance.now();
      const s = await h.services.settlement.confirm(session, d.dispensingId, preview.previewId);
      h.services.settlement.receipt({ settlementId: s.settlementId }, 'thermal80');
      h.services.settlement.receipt({ settlementId: s.settlementId }, 'a4');
      const elapsed = performance.now() - t;
      clock.restore();
      if (s.state !== 'settled') throw new Error(`settlement ${s.state}`);
      total.push(elapsed);
      own.push(elapsed - clock.inside);
    }
    await h.services.worker.sendNow();

    const fsi = new FsiClient(h.services.config.fsi);
    const insert = h.services.db.transaction(() => {
      for (let i = 0; i < DRAIN_ITEMS; i++) {
        const req = fsi.buildRequest(
          {
            infno: '3501',
            input: {
              invinfo: {
                med_list_codg: DRUGS[0]?.[0] ?? '',
                fixmedins_hilist_id: DRUGS[0]?.[0] ?? '',
                fixmedins_hilist_name: '阿莫西林胶囊',
                fixmedins_bchno: `BENCH${i}`,
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
            signNo: session.signNo,
          },
          `${h.services.config.pharmacy.code}20200101000000${String(i).padStart(4, '0')}`,
        );
        h.services.outbox.enqueue({
          msgid: req.msgid,
          channel: 'fsi',
          infno: '3501',
          body: JSON.stringify(req),
        });
      }
    });
    insert();
    const t0 = performance.now();
    let delivered = 0;
    while (delivered < DRAIN_ITEMS) {
      const r = await h.services.worker.drainOnce();
      if (r.delivered === 0 && r.retried === 0) break;
      delivered += r.delivered;
    }
    const seconds = (performance.now() - t0) / 1000;
    const o = percentiles(own);
    const tt = percentiles(total);
    return [
      {
        area: 'settlement',
        name: '5-line settle → receipts, own time (median)',
        value: o.median,
        unit: 'ms',
        note: `p99 ${o.p99.toFixed(1)} ms over ${RUNS} runs; target < 300 ms; excludes time inside fetch`,
        target: { op: '<', limit: 300, measured: { value: o.p99, what: 'p99' } },
      },
      {
        area: 'settlement',
        name: '5-line settle → receipts, wall time incl. center (median)',
        value: tt.median,
        unit: 'ms',
        note: 'in-process sandbox center, loopback HTTP',
      },
      {
        area: 'settlement',
        name: 'outbox drain against the sandbox',
        value: delivered / seconds,
        unit: 'items/s',
        note: `${delivered} of ${DRAIN_ITEMS} 3501 uploads in ${seconds.toFixed(1)} s (batch 20, 4 to 8 lanes as the center answers, one commit per batch)`,
        target: { op: '≥', limit: 1000 },
      },
    ];
  } finally {
    await h.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { formatTable } = await import('./table');
  console.log(formatTable(await benchSettle()));
}
