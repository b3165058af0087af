import { afterEach, describe, expect, it } from 'vitest';
import { FsiClient } from '../../../src/center/fsi-client';
import type { TransactionInput } from '../../../src/center/transactions';
import { AppError } from '../../../src/domain/errors';
import { enqueueTransaction } from '../../../src/services/outbox-enqueue';
import { openDatabase } from '../../../src/store/database';
import { OutboxRepository } from '../../../src/store/outbox-repository';

const fsi = new FsiClient({
  baseUrl: 'http://127.0.0.1:1',
  path: '/fsi',
  paasid: 'p',
  paasToken: 't',
  fixmedinsCode: 'P50010300001',
  fixmedinsName: '测试药店',
  mdtrtareaAdmvs: '500103',
  devNo: 'D1',
  timeoutMs: 1000,
});
const OP = { opter: 'yaoshi', opterName: '张敏', signNo: 'S1' };
const HI_RXNO = 'RX500103000000000000000000001';

let db = openDatabase(':memory:');
afterEach(() => {
  db.close();
  db = openDatabase(':memory:');
});

describe('queueing a center transaction', () => {
  it('refuses a body that does not fit its transaction, and stores nothing [ARCH][R-SALES-UP]', () => {
    const outbox = new OutboxRepository(db);
    // What a broken body builder could produce: the prescription number is missing.
    const input = {
      data: { rx_chk_biz_sn: 'B1', setl_id: 'S1' },
    } as unknown as TransactionInput<'7207'>;
    const req = fsi.buildRequest({ infno: '7207', input, ...OP });
    let refused: unknown;
    try {
      enqueueTransaction(outbox, req, { hiRxno: HI_RXNO });
    } catch (err) {
      refused = err;
    }
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).message).toBe(
      '药品销售出库明细上传（7207）的报文不符合约定（data.hi_rxno），未排队上传',
    );
    expect(outbox.findByMsgid(req.msgid)).toBeNull();
  });

  it('queues a fitting body with the ordering key its catalogue entry makes [ARCH][R-SALES-UP][R-STOCK]', () => {
    const outbox = new OutboxRepository(db);
    const sale = fsi.buildRequest({
      infno: '7207',
      input: { data: { hi_rxno: HI_RXNO, rx_chk_biz_sn: 'B1', setl_id: 'S1' } },
      ...OP,
    });
    const signOut = fsi.buildRequest({
      infno: '9002',
      input: { signOut: { sign_no: 'S1', opter_no: 'yaoshi' } },
      ...OP,
    });
    const reversal = fsi.buildRequest({
      infno: '2601',
      input: { data: { psn_no: 'P1', omsgid: 'M1', oinfno: '2102' } },
      ...OP,
    });
    expect(enqueueTransaction(outbox, sale, { hiRxno: HI_RXNO }).orderingKey).toBe(HI_RXNO);
    expect(enqueueTransaction(outbox, signOut, { signNo: 'S1' }).orderingKey).toBe('signin:S1');
    expect(enqueueTransaction(outbox, reversal, undefined).orderingKey).toBeNull();
    const stored = outbox.findByMsgid(sale.msgid);
    expect(stored?.infno).toBe('7207');
    expect(JSON.parse(stored?.body ?? '{}')).toEqual(JSON.parse(JSON.stringify(sale)));
  });
});
