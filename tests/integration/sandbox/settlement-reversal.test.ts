import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FsiResponse } from '../../../src/center/fsi-client';
import { type SandboxFixture, startFixture } from './helpers';
import {
  balance,
  DRUG,
  demo,
  getJson,
  reviewedRx,
  rxStatus,
  setlinfoOf,
  settleInput,
  settleRequest,
} from './settlement-helpers';

type Row = { setl_id: string; stas: string; hi_rxno: string };

describe('sandbox 2103 结算撤销 / 2601 冲正', () => {
  let f: SandboxFixture;
  let signNo: string;
  const zhang = demo('张伟');
  const basket = [{ code: DRUG.metformin, cnt: 2, pric: 12.5 }];

  const settleReq = (hiRxno: string) =>
    settleRequest(f, signNo, '2102', settleInput(zhang, basket, { hiRxno, acct: true }), zhang);
  const cancel = (s: Record<string, unknown>) =>
    f.fsi.send(
      settleRequest(
        f,
        signNo,
        '2103',
        { data: { psn_no: zhang.psnNo, setl_id: s.setl_id, mdtrt_id: s.mdtrt_id } },
        zhang,
      ),
    );
  const reverse = (omsgid: string, oinfno: string) =>
    f.fsi.send(
      settleRequest(f, signNo, '2601', { data: { psn_no: zhang.psnNo, omsgid, oinfno } }, zhang),
    );
  const rvs = (res: FsiResponse) => {
    expect(res.err_msg).toBe('');
    return (res.output as { data: Record<string, string> }).data;
  };
  const rowsOf = async (hiRxno: string) =>
    (await getJson<{ settlements: Row[] }>(f, `/x/sandbox/settlements?hi_rxno=${hiRxno}`))
      .settlements;

  beforeAll(async () => {
    f = await startFixture(15_000);
    signNo = await f.signIn();
  });
  afterAll(() => f.close());

  it('settle → replay → settle twice refused → reverse → reverse twice refused → settle again [R-REVERSE][R-STATUS][ARCH]', async () => {
    const { rx } = await reviewedRx(f, signNo, zhang, [{ medListCodg: DRUG.metformin, packs: 2 }]);
    const start = await balance(f, signNo, zhang);
    const req = settleReq(rx.hiRxno);
    const first = await f.fsi.send(req);
    const s = setlinfoOf(first);
    expect(await rxStatus(f, rx)).toBe('已结算');
    expect(await f.fsi.send(req)).toEqual(first);
    expect(await balance(f, signNo, zhang)).toBeCloseTo(start - 25, 2);

    const twice = await f.fsi.send(settleReq(rx.hiRxno));
    expect(twice.infcode).toBe(-2);
    expect(twice.err_msg).toContain('已结算');

    const undone = await cancel(s);
    expect(setlinfoOf(undone)).toMatchObject({ setl_id: s.setl_id, acct_pay: 25, balc: start });
    expect(await rxStatus(f, rx)).toBe('已审核');
    expect(await balance(f, signNo, zhang)).toBeCloseTo(start, 2);
    const again = await cancel(s);
    expect(again.infcode).toBe(-2);
    expect(again.err_msg).toContain('不能重复撤销');

    const resettled = setlinfoOf(await f.fsi.send(settleReq(rx.hiRxno)));
    expect(resettled.setl_id).not.toBe(s.setl_id);
    expect(await rxStatus(f, rx)).toBe('已结算');
    expect((await rowsOf(rx.hiRxno)).map((r) => r.stas)).toEqual(['2', '1']);
  });

  it('2601 of a processed 2102 undoes it once; asking again, or replaying, has no second effect [R-REVERSE][ARCH]', async () => {
    const { rx } = await reviewedRx(f, signNo, zhang, [{ medListCodg: DRUG.metformin, packs: 2 }]);
    const start = await balance(f, signNo, zhang);
    const req = settleReq(rx.hiRxno);
    setlinfoOf(await f.fsi.send(req));
    const rreq = settleRequest(
      f,
      signNo,
      '2601',
      { data: { psn_no: zhang.psnNo, omsgid: req.msgid, oinfno: '2102' } },
      zhang,
    );
    const first = await f.fsi.send(rreq);
    expect(rvs(first)).toMatchObject({ omsgid: req.msgid, x_rvs_rslt: '1' });
    expect(await f.fsi.send(rreq)).toEqual(first);
    expect(rvs(await reverse(req.msgid, '2102')).x_rvs_rslt).toBe('1');
    expect(await balance(f, signNo, zhang)).toBeCloseTo(start, 2);
    expect(await rxStatus(f, rx)).toBe('已审核');
    expect((await rowsOf(rx.hiRxno)).map((r) => r.stas)).toEqual(['3']);
    const replayed = await f.fsi.send(req);
    expect(setlinfoOf(replayed)).toBeTruthy();
    expect((await rowsOf(rx.hiRxno)).map((r) => r.stas)).toEqual(['3']);
  });

  it('2601 of a 2102 that never arrived is recorded as success; the late original is then refused [R-REVERSE][ARCH]', async () => {
    const { rx } = await reviewedRx(f, signNo, zhang, [{ medListCodg: DRUG.metformin, packs: 2 }]);
    const req = settleReq(rx.hiRxno);
    expect(rvs(await reverse(req.msgid, '2102')).x_rvs_rslt).toBe('2');
    const late = await f.fsi.send(req);
    expect(late.infcode).toBe(-2);
    expect(late.err_msg).toContain('已被冲正');
    expect(await rxStatus(f, rx)).toBe('已审核');
    const reversals = await getJson<{ reversals: { omsgid: string; rvs_rslt: string }[] }>(
      f,
      `/x/sandbox/reversals?omsgid=${req.msgid}`,
    );
    expect(reversals.reversals).toHaveLength(1);
  });

  it('a timeout after the center processed 2102, then 2601, then a new 2102 leaves exactly one settlement and one debit [R-REVERSE][ARCH]', async () => {
    const { rx } = await reviewedRx(f, signNo, zhang, [{ medListCodg: DRUG.metformin, packs: 2 }]);
    const start = await balance(f, signNo, zhang);
    const slow = { ...f.fsiConfig, timeoutMs: 500 };
    const { FsiClient } = await import('../../../src/center/fsi-client');
    const impatient = new FsiClient(slow);
    expect(
      (await f.fault({ target: '2102', kind: 'timeout', phase: 'after', times: 1 })).status,
    ).toBe(201);
    const req = settleReq(rx.hiRxno);
    await expect(impatient.send(req)).rejects.toBeTruthy();
    await f.clearFaults();
    expect(rvs(await reverse(req.msgid, '2102')).x_rvs_rslt).toBe('1');
    setlinfoOf(await f.fsi.send(settleReq(rx.hiRxno)));
    const rows = await rowsOf(rx.hiRxno);
    expect(rows.filter((r) => r.stas === '1')).toHaveLength(1);
    expect(await balance(f, signNo, zhang)).toBeCloseTo(start - 25, 2);
  });

  it('2601 of a 2103 restores the settlement; of a refused 2102 answers that nothing was done; unknown oinfno is refused [R-REVERSE]', async () => {
    const { rx } = await reviewedRx(f, signNo, zhang, [{ medListCodg: DRUG.metformin, packs: 2 }]);
    const start = await balance(f, signNo, zhang);
    const s = setlinfoOf(await f.fsi.send(settleReq(rx.hiRxno)));
    const creq = settleRequest(
      f,
      signNo,
      '2103',
      { data: { psn_no: zhang.psnNo, setl_id: s.setl_id, mdtrt_id: s.mdtrt_id } },
      zhang,
    );
    setlinfoOf(await f.fsi.send(creq));
    expect(rvs(await reverse(creq.msgid, '2103')).x_rvs_rslt).toBe('1');
    expect(await rxStatus(f, rx)).toBe('已结算');
    expect(await balance(f, signNo, zhang)).toBeCloseTo(start - 25, 2);

    const refusedReq = settleReq(rx.hiRxno);
    expect((await f.fsi.send(refusedReq)).infcode).toBe(-2);
    expect(rvs(await reverse(refusedReq.msgid, '2102')).x_rvs_rslt).toBe('3');
    const bad = await reverse(refusedReq.msgid, '2207');
    expect(bad.infcode).toBe(-2);
    expect(bad.err_msg).toContain('不支持冲正');
  });
});
