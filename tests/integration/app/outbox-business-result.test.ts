import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutboxItemView, OutboxSendResult } from '../../../src/contract/types-outbox';
import type { StockChangeView } from '../../../src/contract/types-stock';
import { BUSINESS_FAILURE_WORDS } from '../../../src/sandbox/fsi/business-failure';
import { DEMO_STAFF } from '../../../src/store/demo-staff';
import { type Harness, startHarness } from '../../support/app-harness';
import { packCodes, registerSupplier } from '../../support/stock-receiving';

const pharmacist = DEMO_STAFF.find((s) => s.role === 'pharmacist');
if (!pharmacist) throw new Error('demo staff missing');

describe('an upload the center answers with infcode 0 but a failed business result', () => {
  let h: Harness;
  let token: string;
  beforeAll(async () => {
    h = await startHarness();
    await h.services.worker.stop();
    const login = await h.api<{ token: string }>('auth.login', {
      username: pharmacist.username,
      password: pharmacist.password,
    });
    token = login.value?.token ?? '';
  });
  afterAll(async () => {
    await h.close();
  });

  const atCenter = async (bchno: string) => {
    const res = await fetch(
      `${h.sandboxUrl}/x/sandbox/inventory?infno=3503&fixmedins_bchno=${bchno}`,
    );
    return ((await res.json()) as { records: unknown[] }).records;
  };

  it("is parked with the center's words in the queue, not counted delivered; sent again it reaches the center once [ARCH][R-STOCK][R-SALES-UP]", async () => {
    const bchno = `BIZ${Date.now().toString(36).toUpperCase()}`;
    const received = await h.api<StockChangeView>(
      'stock.receive',
      {
        medListCodg: 'XJ01CAA040A001010100435',
        batchNo: bchno,
        expiry: '2028-06-30',
        packs: 5,
        supplierId: (await registerSupplier(h, token)).id,
        codes: packCodes('8010371', 5),
        invoiceNo: 'FP20260009',
        deliveryNo: 'SH-0009',
        manufactureDate: '2026-01-15',
        unitPrice: 9.8,
      },
      token,
    );
    const msgid = received.value?.upload.msgid ?? '';
    expect(msgid).not.toBe('');

    await h.fault({ target: '3503', kind: 'bizfail', times: 1 });
    const sent = await h.api<OutboxSendResult>('outbox.sendNow', {}, token);
    expect(sent.value).toMatchObject({ delivered: 0, parked: 1 });

    const parked = await h.api<OutboxItemView[]>('outbox.list', { status: 'parked' }, token);
    const item = parked.value?.find((i) => i.msgid === msgid);
    expect(item?.status).toBe('parked');
    expect(item?.lastError).toBe(`医保中心业务处理未成功：${BUSINESS_FAILURE_WORDS}`);
    expect(h.services.outbox.findByMsgid(msgid)?.response).toBeNull();
    expect(await atCenter(bchno)).toEqual([]);

    await h.api('outbox.requeue', { id: item?.id }, token);
    const again = await h.api<OutboxSendResult>('outbox.sendNow', {}, token);
    expect(again.value).toMatchObject({ delivered: 1, parked: 0 });
    expect(h.services.outbox.findByMsgid(msgid)?.status).toBe('delivered');
    expect(await atCenter(bchno)).toHaveLength(1);
  });
});
