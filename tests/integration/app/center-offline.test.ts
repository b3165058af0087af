import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutboxStatus, PrescriptionView, RxCandidate } from '../../../src/contract/types';
import type { OutboxItemView } from '../../../src/contract/types-outbox';
import { createPrescription } from '../../../src/sandbox/hospital/create-prescription';
import { DEMO_PATIENTS } from '../../../src/sandbox/seed-data';
import { DEMO_STAFF } from '../../../src/store/demo-staff';
import { type Harness, startHarness } from '../../support/app-harness';
import { dispensedRx } from '../../support/dispensed-rx';
import { signedInOnDuty } from '../../support/settled-sale';

const AMLODIPINE = { code: 'XC08CAA010A001010201587', productId: '8020741' };
const pharmacist = DEMO_STAFF.find((s) => s.role === 'pharmacist');
const [zhang] = DEMO_PATIENTS;
const ownVoucher = DEMO_PATIENTS.find((p) => p.certno === pharmacist?.certno)?.ecToken ?? '';
if (!pharmacist || !zhang || !ownVoucher) throw new Error('demo data missing');

describe('医保中心离线: visible, in plain Chinese, and gone when the center answers', () => {
  let h: Harness;
  let token: string;
  const ok = async <T>(method: string, input: unknown): Promise<T> => {
    const r = await h.api<T>(method, input, token);
    expect(r.ok, `${method}: ${r.error?.message}`).toBe(true);
    return r.value as T;
  };
  const centerDown = async (down: boolean) => {
    const res = await fetch(`${h.sandboxUrl}/x/sandbox/faults`, {
      method: down ? 'POST' : 'DELETE',
      headers: { 'content-type': 'application/json' },
      ...(down ? { body: JSON.stringify({ target: '*', kind: 'http5xx', phase: 'before' }) } : {}),
    });
    expect(res.ok).toBe(true);
  };
  const status = () => ok<OutboxStatus>('outbox.status', {});

  beforeAll(async () => {
    h = await startHarness();
    await h.services.worker.stop();
    token = await signedInOnDuty(h, pharmacist);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('repeated gateway failures turn the center offline; the pre-settlement error names 预结算 and the queue says it in Chinese; an answer clears it [R-SETTLE][R-SALES-UP][R-CENTER]', async () => {
    const serial = String(Date.now() % 1e13).padStart(13, '0');
    const d = await dispensedRx(h, ok, {
      patient: zhang,
      drugs: [AMLODIPINE.code],
      ownVoucher,
      codeOf: () => `${AMLODIPINE.productId}${serial}`,
    });
    const rx = await createPrescription(
      { baseUrl: h.sandboxUrl },
      { patient: zhang.name, drugs: [AMLODIPINE.code] },
    );
    const found = await ok<RxCandidate[]>('rx.find', { by: 'qr', qr: rx.qr });
    await ok<PrescriptionView>('rx.download', found[0]?.ticket);
    expect((await status()).center).toMatchObject({ offline: false, failingForMs: null });

    await centerDown(true);
    const preview = await h.api('settle.preview', { dispensingId: d.dispensingId }, token);
    expect(preview.error?.code).toBe('CENTER_UNREACHABLE');
    expect(preview.error?.message).toMatch(/^预结算失败：/);
    expect(preview.error?.message).not.toMatch(/HTTP|\{/);
    // Review still works offline: the pharmacist's identity is checked by the queued 7206.
    await ok('review.submit', {
      hiRxno: rx.hiRxno,
      result: 'pass',
      opinion: '处方合理，用法用量适宜',
      ecToken: ownVoucher,
    });
    await h.services.worker.sendNow();
    const offline = await status();
    expect(offline.center.offline).toBe(true);
    expect(offline.lastError).not.toMatch(/HTTP|\{/);
    const queued = await ok<OutboxItemView[]>('outbox.list', { status: 'undelivered' });
    const upload = queued.find((i) => i.infno === '7206');
    expect(upload?.lastError).toBe('医保中心暂时无法处理请求（网关故障），稍后自动重试');
    expect(upload?.lastErrorDetail).toMatch(/HTTP 503/);

    await centerDown(false);
    await h.services.worker.sendNow();
    expect((await status()).center).toMatchObject({ offline: false, lastFailure: null });
    expect(await ok<OutboxItemView[]>('outbox.list', { status: 'undelivered' })).toEqual([]);
  });
});
