import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FsiClient } from '../../../src/center/fsi-client';
import type { OutboxItemView, OutboxSendResult } from '../../../src/contract/types-outbox';
import { DEMO_STAFF } from '../../../src/store/demo-staff';
import { type Harness, startHarness } from '../../support/app-harness';

const pharmacist = DEMO_STAFF.find((s) => s.role === 'pharmacist');
const cashier = DEMO_STAFF.find((s) => s.role === 'cashier');
if (!pharmacist || !cashier) throw new Error('demo staff missing');

describe('the upload queue staff can read and act on', () => {
  let h: Harness;
  let token: string;
  let cashierToken: string;

  beforeAll(async () => {
    h = await startHarness();
    await h.services.worker.stop();
    const login = async (u: { username: string; password: string }) =>
      (await h.api<{ token: string }>('auth.login', { username: u.username, password: u.password }))
        .value?.token ?? '';
    token = await login(pharmacist);
    cashierToken = await login(cashier);
  });
  afterAll(async () => {
    await h.close();
  });

  it('a refused upload is parked with its reason in Chinese, never dropped; only a pharmacist may send it again [ARCH][R-SALES-UP]', async () => {
    const fsi = new FsiClient(h.services.config.fsi);
    const request = fsi.buildRequest({
      infno: '9002',
      input: { signOut: { sign_no: 'NO-SUCH-SIGN-IN', opter_no: 'yaoshi' } },
      opter: 'yaoshi',
      opterName: '张敏',
      signNo: 'NO-SUCH-SIGN-IN',
    });
    h.services.outbox.enqueue({
      msgid: request.msgid,
      channel: 'fsi',
      infno: '9002',
      body: JSON.stringify(request),
      orderingKey: null,
    });
    const sent = await h.api<OutboxSendResult>('outbox.sendNow', {}, token);
    expect(sent.error).toBeUndefined();
    expect(sent.value?.parked).toBe(1);

    const parked = await h.api<OutboxItemView[]>('outbox.list', { status: 'parked' }, token);
    const item = parked.value?.find((i) => i.msgid === request.msgid);
    expect(item).toMatchObject({
      name: '签退',
      status: 'parked',
      statusLabel: '已搁置，需人工处理',
    });
    expect(item?.lastError).toMatch(/医保中心拒绝/);

    const denied = await h.api('outbox.requeue', { id: item?.id }, cashierToken);
    expect(denied.error?.code).toBe('FORBIDDEN');
    const again = await h.api<OutboxItemView[]>('outbox.requeue', { id: item?.id }, token);
    expect(again.value?.find((i) => i.id === item?.id)?.status).toBe('pending');
    const twice = await h.api('outbox.requeue', { id: item?.id }, token);
    expect(twice.error?.code).toBe('CONFLICT');
    const resent = await h.api<OutboxSendResult>('outbox.sendNow', {}, token);
    expect(resent.value?.parked).toBe(1);
  });

  it('while the center times out an upload stays queued with its attempts, and "send now" delivers it once it answers [ARCH][R-SALES-UP]', async () => {
    await h.api('auth.logout', {}, cashierToken);
    await h.fault({ target: '9002', kind: 'timeout', times: 1 });
    const first = await h.api<OutboxSendResult>('outbox.sendNow', {}, token);
    await h.clearFaults();
    expect(first.value?.retried).toBeGreaterThanOrEqual(1);
    const queued = await h.api<OutboxItemView[]>('outbox.list', { status: 'undelivered' }, token);
    const signOut = queued.value?.find(
      (i) => i.infno === '9002' && i.status === 'pending' && i.attempts === 1,
    );
    // plain Chinese for the person (issue 19 item 12), the transport's words in the details line
    expect(signOut?.lastError).toBe('医保中心未按时应答，稍后自动重试');
    expect(signOut?.lastErrorDetail).toMatch(/timeout/);

    const second = await h.api<OutboxSendResult>('outbox.sendNow', {}, token);
    expect(second.value?.delivered).toBeGreaterThanOrEqual(1);
    const after = await h.api<OutboxItemView[]>('outbox.list', { status: 'undelivered' }, token);
    expect(after.value?.some((i) => i.id === signOut?.id)).toBe(false);
  });
});
