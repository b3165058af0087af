import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dateTime } from '../../../src/center/clock';
import type { FsiInfno, TransactionInput } from '../../../src/center/transactions';
import { OPTER, type SandboxFixture, startFixture } from './helpers';
import {
  DRUG,
  demo,
  getJson,
  reviewedRx,
  rxStatus,
  setlinfoOf,
  settleInput,
  settleRequest,
  traceCode,
} from './settlement-helpers';

describe('sandbox 7207/7208 销售出库与 3501–3507 进销存上传', () => {
  let f: SandboxFixture;
  let signNo: string;
  const zhang = demo('张伟');

  const send = (infno: FsiInfno, input: object) =>
    f.fsi.send(
      f.fsi.buildRequest({
        ...OPTER,
        infno,
        signNo,
        input: input as TransactionInput<FsiInfno>,
        insuplcAdmdvs: zhang.insuplcAdmdvs,
      }),
    );

  async function settled(packs = 2) {
    const r = await reviewedRx(f, signNo, zhang, [{ medListCodg: DRUG.metformin, packs }]);
    const s = setlinfoOf(
      await f.fsi.send(
        settleRequest(
          f,
          signNo,
          '2102',
          settleInput(zhang, [{ code: DRUG.metformin, cnt: packs, pric: 12.5 }], {
            hiRxno: r.rx.hiRxno,
          }),
          zhang,
        ),
      ),
    );
    return { ...r, s };
  }

  const sale = (
    d: Awaited<ReturnType<typeof settled>>,
    codes: string[],
    over: Record<string, unknown> = {},
  ) => ({
    data: {
      hi_rxno: d.rx.hiRxno,
      rx_chk_biz_sn: d.chkSn,
      setl_id: d.s.setl_id,
      phar_cert_type: '01',
      phar_certno: '500103198604123028',
      phar_name: '张敏',
      hi_feesetl_type: '1',
      sel_retn_time: dateTime(new Date()),
      payMode: '2',
      fund_pay_sumamt: d.s.fund_pay_sumamt,
      psn_part_amt: d.s.psn_part_amt,
      acct_pay: d.s.acct_pay,
      psn_cash_pay: d.s.psn_cash_pay,
      setl_time: d.s.setl_time,
      ...over,
    },
    selinfo: [
      {
        med_list_codg: DRUG.metformin,
        fixmedins_hilist_id: 'HIS0001',
        fixmedins_hilist_name: '盐酸二甲双胍片',
        manu_lotnum: 'L2025001',
        trdn_flag: '0',
        finl_trns_pric: 12.5,
        sel_retn_cnt: codes.length,
        drugtracinfo: codes.map((drug_trac_codg) => ({ drug_trac_codg })),
      },
    ],
  });

  beforeAll(async () => {
    f = await startFixture(15_000);
    signNo = await f.signIn();
  });
  afterAll(() => f.close());

  it('7207 moves the settled prescription to 已取药; a replay gives the first answer [R-SALES-UP][R-STATUS][ARCH]', async () => {
    const d = await settled();
    const codes = [traceCode(DRUG.metformin), traceCode(DRUG.metformin)];
    const req = f.fsi.buildRequest({
      ...OPTER,
      infno: '7207',
      signNo,
      input: sale(d, codes) as TransactionInput<'7207'>,
    });
    const first = await f.fsi.send(req);
    expect(first.err_msg).toBe('');
    expect((first.output as { data: { x_sel_sn: string } }).data.x_sel_sn).toHaveLength(30);
    expect(await f.fsi.send(req)).toEqual(first);
    expect(await rxStatus(f, d.rx)).toBe('已取药');
    const view = await getJson<{ sold: boolean; sales: unknown[] }>(
      f,
      `/x/sandbox/sold-codes?code=${codes[0]}`,
    );
    expect(view).toMatchObject({ sold: true });
    expect(view.sales).toHaveLength(1);
  });

  it('a code already sold at the center is refused with infcode -2 naming the code; 7208 releases it [R-TRACE-ONCE]', async () => {
    const a = await settled(1);
    const code = traceCode(DRUG.metformin);
    expect((await send('7207', sale(a, [code]))).infcode).toBe(0);
    const b = await settled(1);
    const dup = await send('7207', sale(b, [code]));
    expect(dup.infcode).toBe(-2);
    expect(dup.err_msg).toContain(code);
    expect(await rxStatus(f, b.rx)).toBe('已结算');

    const undo = await send('7208', {
      data: { hi_rxno: a.rx.hiRxno, sel_retn_time: dateTime(new Date()) },
    });
    expect(undo.err_msg).toBe('');
    expect(await rxStatus(f, a.rx)).toBe('已结算');
    expect((await send('7207', sale(b, [code]))).infcode).toBe(0);
    const view = await getJson<{ sales: { released_at: string | null }[] }>(
      f,
      `/x/sandbox/sold-codes?code=${code}`,
    );
    expect(view.sales.map((s) => s.released_at === null)).toEqual([false, true]);
  });

  it('7207 refuses amounts that differ from the settlement, a wrong pack count, a foreign product code, and a sale before settlement [R-SALES-UP][R-TRACE]', async () => {
    const d = await settled();
    const two = [traceCode(DRUG.metformin), traceCode(DRUG.metformin)];
    expect((await send('7207', sale(d, two, { fund_pay_sumamt: 999 }))).err_msg).toContain(
      'fund_pay_sumamt',
    );
    const short = sale(d, two);
    (short.selinfo[0] as Record<string, unknown>).sel_retn_cnt = 3;
    expect((await send('7207', short)).err_msg).toContain('一盒一码');
    const foreign = await send(
      '7207',
      sale(d, [traceCode(DRUG.metformin), traceCode(DRUG.atorvastatin)]),
    );
    expect(foreign.err_msg).toContain('药品标识码');
    const r = await reviewedRx(f, signNo, zhang, [{ medListCodg: DRUG.metformin, packs: 1 }]);
    const early = await send(
      '7207',
      sale({ ...r, s: { setl_id: d.s.setl_id ?? '' } }, [traceCode(DRUG.metformin)]),
    );
    expect(early.infcode).toBe(-2);
    expect(early.err_msg).toContain('结算');
  });

  it('2103 after 7207 keeps 已取药 until 7208, which then returns the prescription to 已审核 [R-REVERSE][R-STATUS]', async () => {
    const d = await settled(1);
    expect((await send('7207', sale(d, [traceCode(DRUG.metformin)]))).infcode).toBe(0);
    setlinfoOf(
      await send('2103', {
        data: { psn_no: zhang.psnNo, setl_id: d.s.setl_id, mdtrt_id: d.s.mdtrt_id },
      }),
    );
    expect(await rxStatus(f, d.rx)).toBe('已取药');
    expect((await send('7208', { data: { hi_rxno: d.rx.hiRxno } })).infcode).toBe(0);
    expect(await rxStatus(f, d.rx)).toBe('已审核');
  });

  const drug = {
    med_list_codg: DRUG.metformin,
    fixmedins_hilist_id: 'HIS0001',
    fixmedins_hilist_name: '盐酸二甲双胍片',
    fixmedins_bchno: `B${Date.now()}`,
  };

  const codes = (n: number) =>
    Array.from({ length: n }, () => ({ drug_trac_codg: traceCode(DRUG.metformin) }));

  it('3501–3504 store valid records and refuse missing fields in Chinese [R-STOCK]', async () => {
    const now = dateTime(new Date());
    const ok = [
      [
        '3501',
        {
          invinfo: [
            {
              ...drug,
              rx_flag: '1',
              invdate: '2025-07-01',
              inv_cnt: 40,
              manu_date: '2025-01-01',
              expy_end: '2027-01-01',
              drugtracinfo: codes(40),
            },
          ],
        },
      ],
      [
        '3502',
        {
          invinfo: {
            ...drug,
            inv_chg_type: '101',
            pric: 12.5,
            cnt: 2,
            rx_flag: '1',
            inv_chg_time: now,
          },
        },
      ],
      [
        '3503',
        {
          purcinfo: {
            ...drug,
            spler_name: '沙箱医药公司',
            spler_pmtno: '沪AA0210001',
            manu_lotnum: 'L1',
            manu_date: '2025-01-01',
            expy_end: '2027-01-01',
            finl_trns_pric: 9.8,
            purc_retn_cnt: 50,
            purc_retn_stoin_time: now,
            drugtracinfo: codes(50),
          },
        },
      ],
      [
        '3504',
        {
          purcinfo: {
            ...drug,
            spler_name: '沙箱医药公司',
            finl_trns_pric: 9.8,
            purc_retn_cnt: 5,
            purc_retn_stoin_time: now,
            drugtracinfo: codes(5),
          },
        },
      ],
    ] as const;
    for (const [infno, input] of ok) {
      const res = await send(infno, input);
      expect(res.err_msg, infno).toBe('');
    }
    const missing = await send('3503', { purcinfo: { ...drug, purc_retn_cnt: 1 } });
    expect(missing.infcode).toBe(-2);
    expect(missing.err_msg).toContain('供应商名称');
    const rows = await getJson<{ records: unknown[] }>(
      f,
      `/x/sandbox/inventory?fixmedins_bchno=${drug.fixmedins_bchno}`,
    );
    expect(rows.records).toHaveLength(4);
  });

  it('a traced drug’s purchase, return and stocktake are refused without one code per pack, a purchase without the supplier’s licence; a consumable the catalog marks traced likewise [R-STOCK][R-SUPPLY]', async () => {
    const now = dateTime(new Date());
    const purchase = (over: Record<string, unknown>) => ({
      purcinfo: {
        ...drug,
        fixmedins_bchno: `P${Date.now()}`,
        spler_name: '沙箱医药公司',
        spler_pmtno: '沪AA0210001',
        manu_lotnum: 'L2',
        manu_date: '2025-01-01',
        expy_end: '2027-01-01',
        finl_trns_pric: 9.8,
        purc_retn_cnt: 3,
        purc_retn_stoin_time: now,
        drugtracinfo: codes(3),
        ...over,
      },
    });
    expect((await send('3503', purchase({}))).err_msg).toBe('');
    const bare = await send('3503', purchase({ drugtracinfo: undefined }));
    expect(bare.infcode).toBe(-2);
    expect(bare.err_msg).toContain('追溯码个数（0）应等于数量');
    const short = await send('3503', purchase({ drugtracinfo: codes(2) }));
    expect(short.err_msg).toContain('追溯码个数（2）应等于数量');
    const twice = codes(1);
    const dup = await send('3503', purchase({ drugtracinfo: [...twice, ...twice, ...codes(1)] }));
    expect(dup.err_msg).toContain('重复');
    const unlicensed = await send('3503', purchase({ spler_pmtno: undefined }));
    expect(unlicensed.err_msg).toContain('供应商许可证号');

    const ret = await send('3504', {
      purcinfo: {
        ...drug,
        spler_name: '沙箱医药公司',
        finl_trns_pric: 9.8,
        purc_retn_cnt: 2,
        purc_retn_stoin_time: now,
      },
    });
    expect(ret.err_msg).toContain('追溯码个数（0）应等于数量');
    const take = await send('3501', {
      invinfo: { ...drug, rx_flag: '1', invdate: '2025-07-01', inv_cnt: 4 },
    });
    expect(take.err_msg).toContain('盘存须上传在库药盒的追溯码');

    const mask = {
      med_list_codg: 'SP-MASK-0001',
      fixmedins_hilist_id: 'SP-MASK-0001',
      fixmedins_hilist_name: '一次性使用医用外科口罩',
      fixmedins_bchno: `M${Date.now()}`,
    };
    const maskPurchase = (drugtracinfo?: object[]) =>
      send('3503', purchase({ ...mask, purc_retn_cnt: 1, drugtracinfo }));
    expect((await maskPurchase()).err_msg).toContain('追溯码个数（0）应等于数量');
    const udi = [{ drug_trac_codg: `010692250022301421MASK${Date.now()}` }];
    expect((await maskPurchase(udi)).err_msg).toBe('');
  });

  it('a 3502 loss or shortage of a traced drug is refused without one code per pack; a surplus needs none [R-STOCK][R-TRACE-ONCE]', async () => {
    const change = (inv_chg_type: string, drugtracinfo?: object[]) =>
      send('3502', {
        invinfo: {
          ...drug,
          fixmedins_bchno: `C${Date.now()}`,
          inv_chg_type,
          pric: 12.5,
          cnt: 2,
          rx_flag: '1',
          inv_chg_time: dateTime(new Date()),
          ...(drugtracinfo ? { drugtracinfo } : {}),
        },
      });
    for (const lossType of ['105', '104']) {
      const bare = await change(lossType);
      expect(bare.infcode, lossType).toBe(-2);
      expect(bare.err_msg).toContain('追溯码个数（0）应等于数量');
      expect((await change(lossType, codes(1))).err_msg).toContain('追溯码个数（1）应等于数量');
      expect((await change(lossType, codes(2))).err_msg).toBe('');
    }
    expect((await change('106')).err_msg).toBe('');
  });

  it('3505 needs one code per pack and refuses a code sold before; 3506 releases it; 3507 deletes [R-STOCK][R-TRACE-ONCE]', async () => {
    const code = traceCode(DRUG.metformin);
    const selinfo = (codes: string[], bchno: string) => ({
      ...drug,
      fixmedins_bchno: bchno,
      rx_flag: '1',
      trdn_flag: '0',
      finl_trns_pric: 12.5,
      sel_retn_cnt: codes.length,
      sel_retn_time: dateTime(new Date()),
      rtal_docno: `R${Date.now()}`,
      mdtrt_sn: `M${Date.now()}`,
      mdtrt_setl_type: '2',
      drugtracinfo: codes.map((drug_trac_codg) => ({ drug_trac_codg })),
    });
    const first = await send('3505', { selinfo: selinfo([code], 'S1') });
    expect(first.output).toEqual({ retRslt: '1', msgRslt: '成功' });
    const dup = await send('3505', { selinfo: selinfo([code], 'S2') });
    expect(dup.infcode).toBe(-2);
    expect(dup.err_msg).toContain(code);
    expect((await send('3505', { selinfo: selinfo([], 'S3') })).err_msg).toContain('追溯码');

    expect((await send('3506', { selinfo: selinfo([code], 'S1') })).err_msg).toBe('');
    expect((await send('3505', { selinfo: selinfo([code], 'S2') })).infcode).toBe(0);
    expect(
      (await send('3507', { data: { fixmedins_bchno: 'S2', inv_data_type: '5' } })).err_msg,
    ).toBe('');
    expect((await send('3505', { selinfo: selinfo([code], 'S4') })).infcode).toBe(0);
    const none = await send('3507', { data: { fixmedins_bchno: 'NOPE', inv_data_type: '5' } });
    expect(none.err_msg).toContain('未查询到');
  });

  it('the settlement read route lists the day and is loopback-only like the other control routes [ARCH]', async () => {
    const d = await settled(1);
    const day = String(d.s.setl_time).slice(0, 10);
    const list = await getJson<{ settlements: { setl_id: string }[] }>(
      f,
      `/x/sandbox/settlements?date=${day}`,
    );
    expect(list.settlements.map((s) => s.setl_id)).toContain(d.s.setl_id);
    const bad = await fetch(`${f.sandbox.url}/x/sandbox/settlements?date=20250101`);
    expect(bad.status).toBe(400);
    const foreign = await fetch(`${f.sandbox.url}/x/sandbox/settlements?date=${day}`, {
      headers: { origin: 'http://evil.example' },
    });
    expect(foreign.status).toBe(403);
  });
});
