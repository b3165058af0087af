import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FsiInfno } from '../../../src/center/transactions';
import { PAPER_RX_FORM, paperRxno, RX_FORM_FIELD } from '../../../src/domain/paper/paper-rxno';
import type { DemoPatient } from '../../../src/sandbox/seed-data';
import { type SandboxFixture, startFixture } from './helpers';
import {
  DRUG,
  demo,
  expectInvariants,
  getJson,
  type Line,
  setlinfoOf,
  settleInput,
  settleRequest,
} from './settlement-helpers';

let serial = Date.now() % 1_000_000;
const nextRxno = () => paperRxno('H50010300001', `SP${serial++}`);

/** A 2101/2102 input for a paper outside prescription: rxno + rx_circ_flag 1 + x_rx_form. */
function paperInput(patient: DemoPatient, lines: Line[], rxno: string, acct = false) {
  const input = settleInput(patient, lines, { hiRxno: rxno, acct });
  return { ...input, druginfo: { ...input.druginfo, [RX_FORM_FIELD]: PAPER_RX_FORM } };
}

interface CenterRow {
  setl_id: string;
  hi_rxno: string;
  rx_form: string;
  stas: string;
}

describe('sandbox 2101/2102/2103 with a paper outside prescription (x_rx_form paper)', () => {
  let f: SandboxFixture;
  let signNo: string;
  const zhang = demo('张伟');
  const run = async (infno: FsiInfno, patient: DemoPatient, input: object) =>
    f.fsi.send(settleRequest(f, signNo, infno, input, patient));

  beforeAll(async () => {
    f = await startFixture(15_000);
    signNo = await f.signIn();
  });
  afterAll(() => f.close());

  it('pools a paper prescription like an outside prescription, settles it once, records it as paper and refunds it [R-SETTLE][R-PAPER-KEEP]', async () => {
    const rxno = nextRxno();
    const basket = [{ code: DRUG.atorvastatin, cnt: 10, pric: 38.6 }];
    const pre = setlinfoOf(await run('2101', zhang, paperInput(zhang, basket, rxno)));
    expectInvariants(pre);
    const plain = setlinfoOf(await run('2101', zhang, settleInput(zhang, basket)));
    expect(plain.fund_pay_sumamt).toBe(0);
    expect(pre.inscp_scp_amt).toBe(386);

    const done = setlinfoOf(await run('2102', zhang, paperInput(zhang, basket, rxno, true)));
    const rows = await getJson<{ settlements: CenterRow[] }>(
      f,
      `/x/sandbox/settlements?hi_rxno=${encodeURIComponent(rxno)}`,
    );
    expect(rows.settlements).toEqual([
      expect.objectContaining({
        setl_id: done.setl_id,
        hi_rxno: rxno,
        rx_form: 'paper',
        stas: '1',
      }),
    ]);

    const again = await run('2102', zhang, paperInput(zhang, basket, rxno));
    expect(again.infcode).toBe(-2);
    expect(again.err_msg).toContain('同一张纸质处方不能重复结算');

    const refund = await run('2103', zhang, {
      data: { psn_no: zhang.psnNo, setl_id: done.setl_id, mdtrt_id: done.mdtrt_id },
    });
    expect(refund.err_msg).toBe('');
    const after = await getJson<{ settlements: CenterRow[] }>(
      f,
      `/x/sandbox/settlements?hi_rxno=${encodeURIComponent(rxno)}`,
    );
    expect(after.settlements[0]?.stas).toBe('2');
  });

  it('refuses a dual-channel drug on paper after the cut-off, with the reason [R-PAPER-DUAL]', async () => {
    const res = await run(
      '2101',
      zhang,
      paperInput(zhang, [{ code: DRUG.osimertinib, cnt: 1, pric: 5100 }], nextRxno()),
    );
    expect(res.infcode).toBe(-2);
    expect(res.err_msg).toContain('双通道');
    expect(res.err_msg).not.toMatch(/R-[A-Z]/); // the center's words carry no rule ids of ours
  });

  it('refuses the paper marker without a prescription number, and an unknown form [R-SETTLE]', async () => {
    const basket = [{ code: DRUG.metformin, cnt: 1, pric: 12.5 }];
    const noRxno = settleInput(zhang, basket);
    const missing = await run('2101', zhang, {
      ...noRxno,
      druginfo: { ...noRxno.druginfo, [RX_FORM_FIELD]: PAPER_RX_FORM },
    });
    expect(missing.err_msg).toContain('纸质外配处方须填写处方号');
    const other = paperInput(zhang, basket, nextRxno());
    const odd = await run('2101', zhang, {
      ...other,
      druginfo: { ...other.druginfo, [RX_FORM_FIELD]: 'fax' },
    });
    expect(odd.err_msg).toContain(RX_FORM_FIELD);
  });
});
