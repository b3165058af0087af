import { describe, expect, it } from 'vitest';
import type { FsiResponse } from '../../../../src/center/fsi-wrapper';
import { judgeBusinessResult } from '../../../../src/center/transactions';

const reply = (output: Record<string, unknown> | null, err_msg = ''): FsiResponse => ({
  infcode: 0,
  inf_refmsgid: '',
  refmsg_time: '',
  respond_time: '',
  err_msg,
  warn_msg: '',
  output,
});

describe('the business-success catalogue of the center transactions', () => {
  it('counts a sale upload only when retRslt says "1", keeping the center\'s words otherwise [ARCH][R-STOCK]', () => {
    expect(judgeBusinessResult('3505', reply({ retRslt: '1', msgRslt: '成功' }))).toEqual({
      kind: 'ok',
    });
    expect(judgeBusinessResult('3505', reply({ retRslt: '0', msgRslt: '追溯码已销售' }))).toEqual({
      kind: 'failed',
      words: '追溯码已销售',
    });
    expect(judgeBusinessResult('3505', reply({})).kind).toBe('unreadable');
    expect(judgeBusinessResult('3506', reply({})).kind).toBe('ok');
    expect(judgeBusinessResult('3503', reply({ retRslt: '0' }, '批次不存在'))).toEqual({
      kind: 'failed',
      words: '批次不存在',
    });
  });

  it('counts a 7206/7207 only with msg_code "0" and flag "True" (7206 also needs rx_chk_biz_sn) [ARCH][R-SALES-UP][R-OPINION]', () => {
    const ok = { msg_code: '0', flag: 'True', rx_chk_biz_sn: 'CHK1' };
    expect(judgeBusinessResult('7206', reply({ data: ok })).kind).toBe('ok');
    expect(judgeBusinessResult('7206', reply({ data: { ...ok, rx_chk_biz_sn: '' } })).kind).toBe(
      'unreadable',
    );
    expect(judgeBusinessResult('7207', reply({ data: { ...ok, flag: 'False' } })).kind).toBe(
      'failed',
    );
    expect(
      judgeBusinessResult('7207', reply({ data: { msg_code: '1', msg: '处方状态不允许' } })),
    ).toEqual({ kind: 'failed', words: '处方状态不允许' });
    expect(judgeBusinessResult('7207', reply(null)).kind).toBe('unreadable');
  });

  it('never counts a 2102 without its setl_id nor a transaction it has no judge for [ARCH][R-SETTLE]', () => {
    expect(judgeBusinessResult('2102', reply({ setlinfo: { setl_id: 'S1' } })).kind).toBe('ok');
    expect(judgeBusinessResult('2102', reply({ setlinfo: {} })).kind).toBe('unreadable');
    expect(judgeBusinessResult('8999', reply({})).kind).toBe('unreadable');
  });
});
