import { describe, expect, it } from 'vitest';
import {
  checkRefundReply,
  checkSettleReply,
  type SettleRequestFacts,
  strictFen,
} from '../../../src/domain/center/settle-reply';

const FACTS: SettleRequestFacts = {
  infno: '2102',
  msgid: 'H50010300001202612062110000001',
  psnNo: '50000000000000000001',
  certno: '500103197803151238',
  medfeeFen: 5210,
  feedetlSns: ['7-1', '7-2'],
};

/** A reply as the center gives it for FACTS: 52.10 = fund 20.00 + account 30.00 + cash 2.10. */
function reply(setlinfo: Record<string, unknown> = {}, detlcutinfo?: unknown) {
  return {
    setlinfo: {
      setl_id: '500000202612062110000000000001',
      mdtrt_id: '500000202612062110000000000002',
      psn_no: FACTS.psnNo,
      psn_name: '张伟',
      certno: FACTS.certno,
      medfee_sumamt: 52.1,
      fund_pay_sumamt: 20,
      psn_part_amt: 32.1,
      acct_pay: '30.00',
      psn_cash_pay: 2.1,
      medins_setl_id: FACTS.msgid,
      ...setlinfo,
    },
    detlcutinfo: detlcutinfo ?? [
      { feedetl_sn: '7-1', det_item_fee_sumamt: 25.6, overlmt_amt: 0 },
      { feedetl_sn: '7-2', det_item_fee_sumamt: 26.5, overlmt_amt: 0 },
    ],
  };
}

const problemsOf = (out: unknown, facts = FACTS) => {
  const r = checkSettleReply(out, facts);
  return r.ok ? [] : r.problems;
};

describe('settlement reply checks (pure)', () => {
  it('accepts a consistent reply and reads its amounts in fen [R-SETTLE]', () => {
    const r = checkSettleReply(reply(), FACTS);
    expect(r).toEqual({
      ok: true,
      value: {
        setlId: '500000202612062110000000000001',
        mdtrtId: '500000202612062110000000000002',
        psnNo: FACTS.psnNo,
        psnName: '张伟',
        certno: FACTS.certno,
        medfeeFen: 5210,
        fundFen: 2000,
        psnPartFen: 3210,
        acctFen: 3000,
        cashFen: 210,
      },
    });
  });

  it('reads yuan strictly: two decimals at most, numeric text only [R-SETTLE]', () => {
    expect(strictFen(12.5)).toBe(1250);
    expect(strictFen('0.07')).toBe(7);
    expect(strictFen(-50)).toBe(-5000);
    expect(strictFen('五十元')).toBeNull();
    expect(strictFen('1e3')).toBeNull();
    expect(strictFen(1.005)).toBeNull();
    expect(strictFen(Number.NaN)).toBeNull();
    expect(strictFen(null)).toBeNull();
  });

  it('refuses a negative cash part even when the sums hold [R-SETTLE]', () => {
    const p = problemsOf(reply({ psn_cash_pay: -50, acct_pay: 82.1 }));
    expect(p.join()).toContain('psn_cash_pay');
    expect(p.join()).toContain('负数');
  });

  it('refuses a non-numeric or missing amount instead of reading it as zero [R-SETTLE]', () => {
    expect(problemsOf(reply({ psn_cash_pay: '五十元' })).join()).toContain('不是有效金额');
    expect(problemsOf(reply({ fund_pay_sumamt: undefined })).join()).toContain('缺少');
  });

  it('refuses a split that does not add up in fen [R-SETTLE]', () => {
    expect(problemsOf(reply({ fund_pay_sumamt: 20.01 })).join()).toContain('基金支付与个人负担');
    expect(problemsOf(reply({ psn_cash_pay: 2.11, psn_part_amt: 32.1 })).join()).toContain(
      '个人账户与现金',
    );
  });

  it('refuses a total other than what was sent, even when it adds up [R-SETTLE]', () => {
    const p = problemsOf(reply({ medfee_sumamt: 53.1, fund_pay_sumamt: 21 }));
    expect(p).toEqual(['医疗费总额 5310 分与本次上传的 5210 分不符']);
  });

  it("refuses another person's, another request's or an id-less settlement [R-SETTLE][R-AUTH]", () => {
    expect(problemsOf(reply({ psn_no: '50000000000000000002' })).join()).toContain('psn_no');
    expect(problemsOf(reply({ certno: '50010319521102202X' })).join()).toContain('处方患者');
    expect(
      problemsOf(reply({ medins_setl_id: 'H50010300001202612062110000002' })).join(),
    ).toContain('报文ID');
    expect(problemsOf(reply({ setl_id: '' })).join()).toContain('结算ID');
    expect(problemsOf(reply({ setl_id: '' }), { ...FACTS, infno: '2101' })).toEqual([]);
  });

  it("refuses fee lines that are not this request's, or a negative line amount [R-SETTLE]", () => {
    const foreign = reply({}, [{ feedetl_sn: '8-1', overlmt_amt: 0 }]);
    expect(problemsOf(foreign).join()).toContain('8-1');
    const twice = reply({}, [{ feedetl_sn: '7-1' }, { feedetl_sn: '7-1' }]);
    expect(problemsOf(twice).join()).toContain('重复');
    const negative = reply({}, [{ feedetl_sn: '7-1', overlmt_amt: -1 }]);
    expect(problemsOf(negative).join()).toContain('负数');
    expect(problemsOf({ setlinfo: 'x' })).toEqual(['应答缺少结算信息（setlinfo）']);
  });

  it('checks a 2103 reply against the settlement it reverses [R-REVERSE]', () => {
    const facts = {
      setlId: 'S1',
      mdtrtId: 'M1',
      medfeeFen: 5210,
      fundFen: 2000,
      acctFen: 3000,
      cashFen: 210,
    };
    const good = {
      setlinfo: {
        setl_id: 'S1',
        mdtrt_id: 'M1',
        medfee_sumamt: 52.1,
        fund_pay_sumamt: 20,
        psn_pay: 32.1,
        acct_pay: 30,
        cash_payamt: 2.1,
      },
    };
    expect(checkRefundReply(good, facts)).toEqual({ ok: true, value: null });
    const other = { setlinfo: { ...good.setlinfo, setl_id: 'S2', cash_payamt: -50 } };
    const r = checkRefundReply(other, facts);
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.problems.join()).toMatch(/结算ID.*负数|负数.*结算ID/);
    const more = { setlinfo: { ...good.setlinfo, medfee_sumamt: 53.1, fund_pay_sumamt: 21 } };
    expect(checkRefundReply(more, facts).ok).toBe(false);
  });
});
