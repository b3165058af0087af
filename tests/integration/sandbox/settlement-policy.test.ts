import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FsiInfno } from '../../../src/center/transactions';
import type { DemoPatient } from '../../../src/sandbox/seed-data';
import { type SandboxFixture, startFixture } from './helpers';
import {
  balance,
  DELIVERY_FEE,
  DRUG,
  demo,
  expectInvariants,
  type Line,
  reviewedRx,
  setlinfoOf,
  settleInput,
  settleRequest,
} from './settlement-helpers';

/** A Dongguan insured person (pool area 4419), added to this test's center only. */
const DONGGUAN: DemoPatient = {
  psnNo: '44190000000000000901',
  name: '黄志强',
  certno: '441900198203150013',
  gender: '1',
  birthday: '1982-03-15',
  naty: '01',
  ecToken: '441900ecdgtest0000000000000000000001aa',
  cardNo: 'D44190901',
  cardSn: '441900D15600000500000000000000AA',
  ecPassword: '123456',
  insuplcAdmdvs: '441900',
  insurances: [
    {
      insutype: '310',
      psnType: '1101',
      status: '1',
      insuDate: '2005-01-01',
      balanceFen: 50_000,
      cvlservFlag: '0',
      empName: '东莞沙箱电子厂',
    },
  ],
  identities: [],
  note: '东莞职工医保（测试专用）',
};

function addPatient(f: SandboxFixture, p: DemoPatient): void {
  f.sandbox.db
    .prepare(
      `INSERT INTO patients (psn_no, psn_name, psn_cert_type, certno, gend, naty, brdy, ec_token, card_no, card_sn, insuplc_admdvs)
       VALUES (?, ?, '01', ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      p.psnNo,
      p.name,
      p.certno,
      p.gender,
      p.naty,
      p.birthday,
      p.ecToken,
      p.cardNo,
      p.cardSn,
      p.insuplcAdmdvs,
    );
  for (const i of p.insurances) {
    f.sandbox.db
      .prepare(
        `INSERT INTO patient_insurances (psn_no, insutype, psn_type, psn_insu_stas, psn_insu_date, balc_fen, emp_name, insuplc_admdvs)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        p.psnNo,
        i.insutype,
        i.psnType,
        i.status,
        i.insuDate,
        i.balanceFen,
        i.empName,
        p.insuplcAdmdvs,
      );
  }
}

/** A small seeded generator, so a failing basket can be replayed. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1_664_525 + 1_013_904_223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('sandbox 2101/2102 门诊统筹结算：政策参数', () => {
  let f: SandboxFixture;
  let signNo: string;
  const zhang = demo('张伟');
  const li = demo('李秀英');
  const wang = demo('王芳');

  const run = async (infno: FsiInfno, patient: DemoPatient, input: object) =>
    f.fsi.send(settleRequest(f, signNo, infno, input, patient));

  beforeAll(async () => {
    f = await startFixture(15_000);
    signNo = await f.signIn();
    addPatient(f, DONGGUAN);
  });
  afterAll(() => f.close());

  it('the amount identities hold, to the fen and never negative, over 120 random baskets and people [R-SETTLE]', async () => {
    const drugs = [
      DRUG.metformin,
      DRUG.atorvastatin,
      DRUG.ibuprofen,
      DRUG.osimertinib,
      DRUG.empagliflozin,
    ];
    const people = [zhang, li, wang];
    const rxs = await Promise.all(
      people.map((p) =>
        reviewedRx(
          f,
          signNo,
          p,
          drugs.map((medListCodg) => ({ medListCodg, packs: 6 })),
        ),
      ),
    );
    const catalogPrice: Record<string, number> = {
      [DRUG.metformin]: 12.5,
      [DRUG.atorvastatin]: 38.6,
      [DRUG.ibuprofen]: 15.9,
      [DRUG.osimertinib]: 5100,
      [DRUG.empagliflozin]: 55.3,
    };
    const next = rng(20250701);
    for (let i = 0; i < 120; i++) {
      const k = Math.floor(next() * people.length);
      const patient = people[k] as DemoPatient;
      const chosen = drugs.filter(() => next() < 0.5);
      const lines: Line[] = (chosen.length ? chosen : [DRUG.metformin]).map((code) => ({
        code,
        cnt: next() < 0.3 ? Math.round(next() * 40 + 1) / 8 : Math.floor(next() * 6) + 1,
        pric: Math.round((catalogPrice[code] ?? 10) * (0.8 + next() * 0.4) * 100) / 100,
      }));
      if (next() < 0.3)
        lines.push({ code: DELIVERY_FEE, cnt: 1, pric: Math.round(next() * 2000) / 100 });
      const withRx = next() < 0.8;
      const res = await run(
        '2101',
        patient,
        settleInput(patient, lines, {
          acct: next() < 0.5,
          ...(withRx ? { hiRxno: rxs[k]?.rx.hiRxno ?? '' } : {}),
        }),
      );
      const s = setlinfoOf(res);
      expectInvariants(s);
      if (!withRx) expect(s.fund_pay_sumamt).toBe(0);
      if (patient === wang) expect(s.acct_pay).toBe(0);
    }
  });

  it('职工 in Chongqing: the year deductible (200), 50 % pooling and the personal account; 2101 has no effect, 2102 accumulates [R-SETTLE]', async () => {
    const { rx } = await reviewedRx(f, signNo, zhang, [
      { medListCodg: DRUG.atorvastatin, packs: 10 },
    ]);
    const basket = [{ code: DRUG.atorvastatin, cnt: 10, pric: 38.6 }];
    const before = await balance(f, signNo, zhang);
    const pre = setlinfoOf(
      await run('2101', zhang, settleInput(zhang, basket, { hiRxno: rx.hiRxno })),
    );
    expect(pre).toMatchObject({
      medfee_sumamt: 386,
      inscp_scp_amt: 386,
      act_pay_dedc: 200,
      hifp_pay: 93,
      pool_prop_selfpay: 93,
      fund_pay_sumamt: 93,
      psn_part_amt: 293,
      acct_pay: 0,
      psn_cash_pay: 293,
    });
    expect(pre.setl_id).toBeUndefined();
    const again = setlinfoOf(
      await run('2101', zhang, settleInput(zhang, basket, { hiRxno: rx.hiRxno })),
    );
    expect(again.act_pay_dedc).toBe(200);

    const done = setlinfoOf(
      await run('2102', zhang, settleInput(zhang, basket, { hiRxno: rx.hiRxno, acct: true })),
    );
    expect(done).toMatchObject({ hifp_pay: 93, acct_pay: 293, psn_cash_pay: 0 });
    expect(String(done.setl_id)).toHaveLength(30);
    expect(await balance(f, signNo, zhang)).toBeCloseTo(before - 293, 2);
    expect(done.balc).toBeCloseTo(before - 293, 2);

    const { rx: rx2 } = await reviewedRx(f, signNo, zhang, [
      { medListCodg: DRUG.atorvastatin, packs: 10 },
    ]);
    const second = setlinfoOf(
      await run('2101', zhang, settleInput(zhang, basket, { hiRxno: rx2.hiRxno })),
    );
    expect(second).toMatchObject({ act_pay_dedc: 0, hifp_pay: 193, psn_part_amt: 193 });
  });

  it('居民 in Chongqing: no deductible, no personal account, and the annual cap (400) stops the pool [R-SETTLE]', async () => {
    const { rx } = await reviewedRx(f, signNo, wang, [{ medListCodg: DRUG.amlodipine, packs: 20 }]);
    const basket = [{ code: DRUG.amlodipine, cnt: 20, pric: 26.5 }];
    const first = setlinfoOf(
      await run('2102', wang, settleInput(wang, basket, { hiRxno: rx.hiRxno, acct: true })),
    );
    expect(first).toMatchObject({
      medfee_sumamt: 530,
      act_pay_dedc: 0,
      hifp_pay: 265,
      acct_pay: 0,
      psn_cash_pay: 265,
    });
    const { rx: rx2 } = await reviewedRx(f, signNo, wang, [
      { medListCodg: DRUG.amlodipine, packs: 20 },
    ]);
    const res = await run('2101', wang, settleInput(wang, basket, { hiRxno: rx2.hiRxno }));
    const capped = setlinfoOf(res);
    expect(capped).toMatchObject({ hifp_pay: 135, fund_pay_sumamt: 135, psn_part_amt: 395 });
    expect(res.warn_msg).toContain('年度限额');
    const detail = (res.output as { setldetail: Record<string, unknown>[] }).setldetail[0];
    expect(detail).toMatchObject({
      fund_pay_type: '390100',
      fund_payamt: 135,
      crt_payb_lmt_amt: 0,
    });
  });

  it('a retired 职工 gets the lower deductible and 60 %; above-standard and 乙类 parts and a delivery fee are self-paid [R-PRICE][R-NONCOVERED]', async () => {
    const { rx } = await reviewedRx(f, signNo, li, [{ medListCodg: DRUG.osimertinib, packs: 1 }]);
    const res = await run(
      '2101',
      li,
      settleInput(
        li,
        [
          { code: DRUG.osimertinib, cnt: 1, pric: 5100 },
          { code: DELIVERY_FEE, cnt: 1, pric: 8 },
        ],
        { hiRxno: rx.hiRxno, acct: true },
      ),
    );
    const s = setlinfoOf(res);
    expect(s).toMatchObject({
      medfee_sumamt: 5108,
      fulamt_ownpay_amt: 8,
      overlmt_selfpay: 120,
      preselfpay_amt: 249,
      inscp_scp_amt: 4731,
      act_pay_dedc: 100,
      hifp_pay: 2778.6,
      psn_part_amt: 2329.4,
      acct_pay: 2329.4,
      psn_cash_pay: 0,
      balc: 1230.6,
    });
    expect(res.warn_msg).toContain('支付标准');
    const cut = (res.output as { detlcutinfo: Record<string, unknown>[] }).detlcutinfo;
    expect(cut[0]).toMatchObject({
      pric_uplmt_amt: 4980,
      overlmt_amt: 120,
      chrgitm_lv: '02',
      selfpay_prop: 0.05,
    });
    expect(cut[1]).toMatchObject({ chrgitm_lv: '03', fulamt_ownpay_amt: 8, inscp_scp_amt: 0 });
  });

  it('Dongguan 职工: 60 % from the first yuan; the account does not pay out-of-catalog items [R-SETTLE][R-NONCOVERED]', async () => {
    const { rx } = await reviewedRx(f, signNo, DONGGUAN, [
      { medListCodg: DRUG.metformin, packs: 2 },
    ]);
    const s = setlinfoOf(
      await run(
        '2102',
        DONGGUAN,
        settleInput(
          DONGGUAN,
          [
            { code: DRUG.metformin, cnt: 2, pric: 12.5 },
            { code: DELIVERY_FEE, cnt: 1, pric: 5 },
          ],
          { hiRxno: rx.hiRxno, acct: true },
        ),
      ),
    );
    expect(s).toMatchObject({
      medfee_sumamt: 30,
      act_pay_dedc: 0,
      hifp_pay: 15,
      psn_part_amt: 15,
      acct_pay: 10,
      psn_cash_pay: 5,
      balc: 490,
      clr_optins: '441900',
    });
  });

  it('refuses a plain purchase claim for a suspended person, a wrong total and an unknown region, in Chinese [R-SETTLE]', async () => {
    const zhao = demo('赵磊');
    const suspended = await run(
      '2101',
      zhao,
      settleInput(zhao, [{ code: DRUG.metformin, cnt: 1, pric: 12.5 }]),
    );
    expect(suspended.infcode).toBe(-2);
    expect(suspended.err_msg).toContain('暂停参保');
    const wrong = await run(
      '2101',
      zhang,
      settleInput(zhang, [{ code: DRUG.metformin, cnt: 1, pric: 12.5 }], { medfee: 99 }),
    );
    expect(wrong.err_msg).toContain('medfee_sumamt');
    const chen = demo('陈静');
    const away = await run(
      '2101',
      chen,
      settleInput(chen, [{ code: DRUG.metformin, cnt: 1, pric: 12.5 }]),
    );
    expect(away.err_msg).toContain('不在沙箱门诊统筹结算范围内');
    const plain = await run(
      '2101',
      zhang,
      settleInput(zhang, [{ code: DRUG.metformin, cnt: 1, pric: 12.5 }]),
    );
    expect(setlinfoOf(plain).fund_pay_sumamt).toBe(0);
    expect(plain.warn_msg).toContain('无电子处方');
  });
});
