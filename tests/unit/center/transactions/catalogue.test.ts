import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { FsiClient } from '../../../../src/center/fsi-client';
import { DEFAULT_FSI_REPLY_CAP_BYTES, fsiReplyCapBytes } from '../../../../src/center/reply-caps';
import {
  FSI_INFNOS,
  isFsiInfno,
  QUEUED_INFNOS,
  TRANSACTIONS,
  transactionLabel,
  transactionName,
} from '../../../../src/center/transactions';

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

describe('the catalogue of center transactions', () => {
  it('gives every transaction its number, a Chinese name, input and output schemas and a success judge [ARCH]', () => {
    expect(FSI_INFNOS).toHaveLength(28);
    for (const infno of FSI_INFNOS) {
      const entry = TRANSACTIONS[infno];
      expect(entry.infno, infno).toBe(infno);
      expect(entry.name, infno).toMatch(/^[\u4e00-\u9fa5（）]+$/);
      expect(entry.input, infno).toBeInstanceOf(z.ZodType);
      expect(entry.output, infno).toBeInstanceOf(z.ZodType);
      expect(typeof entry.judge, infno).toBe('function');
      expect(['sync', 'queued'], infno).toContain(entry.mode);
      if (entry.mode === 'queued') expect(typeof entry.orderingKey, infno).toBe('function');
    }
  });

  it('queues the uploads and the sign-out, and calls everything else while the counter waits [ARCH][R-SALES-UP][R-STOCK]', () => {
    expect([...QUEUED_INFNOS].sort()).toEqual([
      '2601',
      '3103',
      '3501',
      '3502',
      '3503',
      '3504',
      '3505',
      '3506',
      '3507',
      '7206',
      '7207',
      '7208',
      '9002',
    ]);
  });

  it('names a transaction and its upload label from its one entry [ARCH]', () => {
    expect(transactionName('7207')).toBe('药品销售出库明细上传');
    expect(transactionLabel('3503')).toBe('商品采购（3503）');
    expect(transactionLabel('3502')).toBe('库存信息变更（3502）');
    expect(transactionName('8999')).toBe('交易 8999');
  });

  it('reads a larger reply cap only where the entry says its reply carries more [ARCH]', () => {
    expect(fsiReplyCapBytes('7204')).toBe(32 * 1024 * 1024);
    expect(fsiReplyCapBytes('5205')).toBe(8 * 1024 * 1024);
    expect(fsiReplyCapBytes('7202')).toBe(4 * 1024 * 1024);
    expect(fsiReplyCapBytes('2102')).toBe(DEFAULT_FSI_REPLY_CAP_BYTES);
    expect(fsiReplyCapBytes('8999')).toBe(DEFAULT_FSI_REPLY_CAP_BYTES);
  });

  it('the compiler refuses a transaction outside the catalogue and a body of another transaction [ARCH]', () => {
    // Built, never run: tsc checks these lines (npm test type-checks tests/).
    const compileOnly = [
      () =>
        // @ts-expect-error 3508 has no entry, so it cannot be built
        fsi.buildRequest({ infno: '3508', input: { data: {} }, ...OP }),
      () =>
        // @ts-expect-error a 7207 carries a `data` node with the prescription, not a sign-in
        fsi.buildRequest({ infno: '7207', input: { signIn: { opter_no: 'x' } }, ...OP }),
    ];
    expect(compileOnly).toHaveLength(2);
    expect(isFsiInfno('3508')).toBe(false);
    const ok = fsi.buildRequest({
      infno: '9002',
      input: { signOut: { sign_no: 'S1', opter_no: 'yaoshi' } },
      ...OP,
    });
    expect(ok.infno).toBe('9002');
  });
});
