import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FsiClient } from '../../../src/center/fsi-client';
import { isSignInRefusal } from '../../../src/center/sign-in-refusal';
import type { TransactionInput } from '../../../src/center/transactions';
import type { StockChangeView } from '../../../src/contract/types-stock';
import { DEMO_PATIENTS } from '../../../src/sandbox/seed-data';
import { DEMO_STAFF } from '../../../src/store/demo-staff';
import { type Harness, startHarness } from '../../support/app-harness';
import { packCodes, registerSupplier } from '../../support/stock-receiving';

const pharmacist = DEMO_STAFF.find((s) => s.role === 'pharmacist');
if (!pharmacist) throw new Error('demo staff missing');

/** The sandbox's 9001 sign-ins end after this long in this file. */
const SIGN_IN_VALID_MS = 4_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('uploads queued across the end of their 9001 sign-in', () => {
  let h: Harness;
  let token: string;
  let signNo: string;

  beforeAll(async () => {
    h = await startHarness({ signInValidHours: SIGN_IN_VALID_MS / 3_600_000 });
    await h.services.worker.stop();
    const login = await h.api<{ token: string; center: { signNo: string | null } }>('auth.login', {
      username: pharmacist.username,
      password: pharmacist.password,
    });
    token = login.value?.token ?? '';
    signNo = login.value?.center.signNo ?? '';
  });
  afterAll(async () => {
    await h.close();
  });

  let serial = 0;
  const receive = async () => {
    serial += 1;
    const batchNo = `EXP${Date.now().toString(36).toUpperCase()}${serial}`;
    const codes = packCodes('8010371', 6);
    const r = await h.api<StockChangeView>(
      'stock.receive',
      {
        medListCodg: 'XJ01CAA040A001010100435',
        batchNo,
        expiry: '2028-06-30',
        packs: 6,
        supplierId: (await registerSupplier(h, token)).id,
        codes,
        invoiceNo: `FP2026${serial}`,
        deliveryNo: `SH-${serial}`,
        manufactureDate: '2026-01-15',
        unitPrice: 9.8,
      },
      token,
    );
    expect(r.ok, r.error?.message).toBe(true);
    return { ...(r.value as StockChangeView), codes };
  };
  const processed = (msgid: string) =>
    h.sandbox.db
      .prepare('SELECT infcode, request FROM processed_messages WHERE msgid = ?')
      .all(msgid) as Array<{ infcode: number; request: string }>;
  const records = (infno: string, batchNo: string) =>
    h.sandbox.db
      .prepare('SELECT count(*) FROM inventory_uploads WHERE infno = ? AND fixmedins_bchno = ?')
      .pluck()
      .get(infno, batchNo);

  it('an outage past the sign-in validity ends with every queued item delivered exactly once, under a fresh sign-in [ARCH][R-STOCK][R-SALES-UP]', async () => {
    expect(signNo).not.toBe('');
    // A reaches the center, which applies it, but the reply is lost: A stays queued.
    const a = await receive();
    await h.fault({ target: '3503', kind: 'timeout', phase: 'after', times: 1 });
    expect((await h.services.worker.sendNow()).retried).toBe(1);
    expect(processed(a.upload.msgid)).toHaveLength(1);

    // The network is down while more uploads queue.
    await h.fault({ target: 'fsi:*', kind: 'http5xx' });
    const b = await receive();
    const c = await receive();
    const change = await h.api<StockChangeView>(
      'stock.adjust',
      { batchId: b.batchId, deltaPacks: -1, reason: '报损', codes: b.codes.slice(0, 1) },
      token,
    );
    const d = change.value as StockChangeView;
    await h.services.worker.sendNow();
    const queued = [a, b, c, d].map((x) => x.upload.msgid);
    for (const msgid of queued)
      expect(h.services.outbox.findByMsgid(msgid)?.status).toBe('pending');

    // The outage outlasts the sign-in every queued item was frozen with.
    const signedInAt = h.sandbox.db
      .prepare('SELECT signed_in_at FROM sign_ins WHERE sign_no = ?')
      .pluck()
      .get(signNo) as number;
    await sleep(Math.max(0, signedInAt + SIGN_IN_VALID_MS + 300 - Date.now()));
    await h.clearFaults();
    const probe = new FsiClient(h.services.config.fsi);
    const dead = await probe.send(
      probe.buildRequest({
        infno: '3503',
        input: {} as TransactionInput<'3503'>,
        opter: pharmacist.username,
        opterName: pharmacist.displayName,
        signNo,
      }),
    );
    expect(isSignInRefusal(dead)).toBe(true);

    for (let round = 0; round < 5; round += 1) {
      const left = queued.filter((m) => h.services.outbox.findByMsgid(m)?.status !== 'delivered');
      if (left.length === 0) break;
      await h.services.worker.sendNow();
    }
    for (const msgid of queued) {
      const item = h.services.outbox.findByMsgid(msgid);
      expect(item?.status, `${msgid}: ${item?.lastError}`).toBe('delivered');
      // frozen as queued: the body still names the sign-in it was queued under
      expect(JSON.parse(item?.body ?? '{}').sign_no).toBe(signNo);
      const atCenter = processed(msgid);
      expect(atCenter).toHaveLength(1);
      expect(atCenter[0]?.infcode).toBe(0);
    }
    // A was taken under the old sign-in; the resend under the new one was answered from the store.
    expect(JSON.parse(processed(a.upload.msgid)[0]?.request ?? '{}').sign_no).toBe(signNo);
    const reissued = JSON.parse(processed(b.upload.msgid)[0]?.request ?? '{}').sign_no;
    expect(reissued).not.toBe(signNo);
    expect(reissued).toMatch(/^\d{26}$/);
    for (const x of [a, b, c]) expect(records('3503', x.batchNo)).toBe(1);
    expect(records('3502', b.batchNo)).toBe(1);
  });

  it('uploads queued under a sign-in that was signed out before they left are delivered once under a fresh one [ARCH][R-STOCK]', async () => {
    const login = await h.api<{ token: string; center: { signNo: string | null } }>('auth.login', {
      username: pharmacist.username,
      password: pharmacist.password,
    });
    token = login.value?.token ?? '';
    const mine = login.value?.center.signNo ?? '';
    const e = await receive();
    const fsi = new FsiClient(h.services.config.fsi);
    const out = await fsi.send(
      fsi.buildRequest({
        infno: '9002',
        input: { signOut: { sign_no: mine, opter_no: pharmacist.username } },
        opter: pharmacist.username,
        opterName: pharmacist.displayName,
        signNo: mine,
      }),
    );
    expect(out.infcode).toBe(0);

    await h.services.worker.sendNow();
    expect(h.services.outbox.findByMsgid(e.upload.msgid)?.status).toBe('delivered');
    expect(processed(e.upload.msgid)).toHaveLength(1);
    expect(records('3503', e.batchNo)).toBe(1);
  });

  it('a call at the counter after the sign-in ended goes through under a renewed sign-in, and the session moves to it [ARCH][R-AUTH]', async () => {
    const login = await h.api<{ token: string; center: { signNo: string | null } }>('auth.login', {
      username: pharmacist.username,
      password: pharmacist.password,
    });
    const mine = login.value?.token ?? '';
    const ended = login.value?.center.signNo ?? '';
    expect(ended).not.toBe('');
    const signedInAt = h.sandbox.db
      .prepare('SELECT signed_in_at FROM sign_ins WHERE sign_no = ?')
      .pluck()
      .get(ended) as number;
    await sleep(Math.max(0, signedInAt + SIGN_IN_VALID_MS + 300 - Date.now()));

    const patient = DEMO_PATIENTS[0];
    if (!patient) throw new Error('demo patient missing');
    const r = await h.api<{ name: string }>(
      'patient.lookup',
      { certType: '01', certNo: patient.ecToken },
      mine,
    );
    expect(r.ok, r.error?.message).toBe(true);
    expect(r.value?.name).toBe(patient.name);
    const session = await h.api<{ center: { signNo: string | null } }>('auth.session', {}, mine);
    const renewed = session.value?.center.signNo ?? '';
    expect(renewed).toMatch(/^\d{26}$/);
    expect(renewed).not.toBe(ended);
  });
});
