import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FsiInfno } from '../../../src/center/transactions';
import type { DemoPatient } from '../../../src/sandbox/seed-data';
import { type SandboxFixture, startFixture } from './helpers';
import {
  DRUG,
  demo,
  reviewedRx,
  setlinfoOf,
  settleInput,
  settleRequest,
} from './settlement-helpers';

const DIABETES = { code: 'E11.900', name: '2型糖尿病' };

describe('sandbox 2101/2102：门特结算与限定支付范围', () => {
  let f: SandboxFixture;
  let signNo: string;
  const zhang = demo('张伟');

  const run = async (infno: FsiInfno, patient: DemoPatient, input: object) =>
    f.fsi.send(settleRequest(f, signNo, infno, input, patient));
  const asMt = (input: ReturnType<typeof settleInput>, dise: Record<string, string>) => ({
    ...input,
    druginfo: { ...input.druginfo, med_type: '14', ...dise },
  });

  beforeAll(async () => {
    f = await startFixture(15_000);
    signNo = await f.signIn();
  });
  afterAll(() => f.close());

  it('refuses a 门特 prescription settled as ordinary purchase or without its disease code, settles it as 门特 with it [R-MT-SETTLE]', async () => {
    const { rx } = await reviewedRx(f, signNo, zhang, [{ medListCodg: DRUG.metformin }], {
      medType: '14',
      diagnosis: DIABETES,
    });
    const plain = settleInput(zhang, [{ code: DRUG.metformin, cnt: 1, pric: 12.5 }], {
      hiRxno: rx.hiRxno,
    });
    const asOrdinary = await run('2101', zhang, plain);
    expect(asOrdinary.infcode).not.toBe(0);
    expect(asOrdinary.err_msg).toContain('须按门特结算');
    const noDisease = await run('2101', zhang, asMt(plain, {}));
    expect(noDisease.err_msg).toContain('病种编码（dise_codg）');
    const otherDisease = await run('2101', zhang, asMt(plain, { dise_codg: 'I10.x00' }));
    expect(otherDisease.err_msg).toContain('与处方诊断 E11.900');
    const setl = setlinfoOf(
      await run('2102', zhang, asMt(plain, { dise_codg: DIABETES.code, dise_name: DIABETES.name })),
    );
    expect(setl.med_type).toBe('14');
  });

  it('refuses med_type 14 for a prescription that is not 门特, and for a purchase without prescription [R-MT-SETTLE]', async () => {
    const { rx } = await reviewedRx(f, signNo, zhang, [{ medListCodg: DRUG.metformin }]);
    const line = [{ code: DRUG.metformin, cnt: 1, pric: 12.5 }];
    const withRx = await run(
      '2101',
      zhang,
      asMt(settleInput(zhang, line, { hiRxno: rx.hiRxno }), { dise_codg: 'E11.900' }),
    );
    expect(withRx.err_msg).toContain('不是门诊慢特病处方');
    const noRx = await run('2101', zhang, asMt(settleInput(zhang, line), { dise_codg: 'E11.900' }));
    expect(noRx.err_msg).toContain('须凭门特外配处方结算');
  });

  it('a line the hospital marked outside the restricted scope must carry that flag and settles as full self-pay [R-SCOPE]', async () => {
    const { rx } = await reviewedRx(f, signNo, zhang, [
      { medListCodg: DRUG.metformin, hospApprFlag: '2' },
      { medListCodg: DRUG.atorvastatin, hospApprFlag: '1' },
    ]);
    const input = settleInput(
      zhang,
      [
        { code: DRUG.metformin, cnt: 1, pric: 12.5 },
        { code: DRUG.atorvastatin, cnt: 1, pric: 38.6 },
      ],
      { hiRxno: rx.hiRxno },
    );
    const unflagged = await run('2101', zhang, input);
    expect(unflagged.err_msg).toContain('医院审批标志（hosp_appr_flag）为 0，与处方的 2 不符');
    const [outside, inside] = input.drugdetail;
    const flagged = {
      ...input,
      drugdetail: [
        { ...outside, hosp_appr_flag: '2' },
        { ...inside, hosp_appr_flag: '1' },
      ],
    };
    const res = await run('2101', zhang, flagged);
    expect(res.err_msg).toBe('');
    const cut = (res.output as { detlcutinfo: Record<string, unknown>[] }).detlcutinfo;
    expect(cut[0]).toMatchObject({ fulamt_ownpay_amt: 12.5 });
    expect(cut[0]?.chrgitm_lv, 'a catalogue drug keeps its class').not.toBe('03');
    expect(cut[1]).toMatchObject({ fulamt_ownpay_amt: 0 });
  });
});
