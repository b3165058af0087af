import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CenterError } from '../../../src/center/fsi-client';
import { type FsiInfno, TRANSACTIONS } from '../../../src/center/transactions';
import { BUSINESS_FAILURE_WORDS } from '../../../src/sandbox/fsi/business-failure';
import { OPTER, type SandboxFixture, startFixture } from './helpers';

/** What the client makes of a reply: a refusal, an unknown outcome, or a success. */
type Seen = 'refused' | 'unknown' | 'accepted';

/** The transactions whose reply carries an explicit business result flag. */
const FLAGGED: readonly FsiInfno[] = [
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
];
/** No flag: success needs the reply's evidence (a sign_no, a setl_id, a verdict…). */
const EVIDENCED: readonly FsiInfno[] = ['9001', '1101', '2101', '2102', '2103', '2601', '7205'];

describe('an infcode 0 with a failed business result, per transaction, as the client sees it', () => {
  let f: SandboxFixture;
  let signNo: string;
  beforeAll(async () => {
    f = await startFixture();
    signNo = await f.signIn();
  });
  afterAll(() => f.close());
  afterEach(() => f.clearFaults());

  const request = (infno: FsiInfno) =>
    f.fsi.buildRequest({ ...OPTER, infno, signNo, input: { data: {} } });

  async function seen(infno: FsiInfno): Promise<{ seen: Seen; words: string }> {
    expect((await f.fault({ target: infno, kind: 'bizfail', times: 1 })).status).toBe(201);
    try {
      const res = await f.fsi.send(request(infno));
      if (res.infcode === 0) return { seen: 'accepted', words: '' };
      expect(res.businessFailed).toBe(true);
      return { seen: 'refused', words: res.err_msg };
    } catch (err) {
      expect(err).toBeInstanceOf(CenterError);
      expect((err as CenterError).outcomeUnknown).toBe(true);
      return { seen: 'unknown', words: (err as CenterError).message };
    }
  }

  it('a flagged failure (retRslt "0", msg_code ≠ "0") is a refusal carrying the center\'s words [ARCH][R-STOCK][R-SALES-UP]', async () => {
    for (const infno of FLAGGED) {
      expect(await seen(infno), infno).toEqual({ seen: 'refused', words: BUSINESS_FAILURE_WORDS });
    }
  });

  it('a reply without the evidence its transaction must carry is never a success: outcome unknown (2102 goes the 2601 path) [ARCH][R-SETTLE][R-SIGN]', async () => {
    for (const infno of EVIDENCED) {
      const r = await seen(infno);
      expect(r.seen, infno).toBe('unknown');
      expect(r.words).toMatch(/医保中心应答未表明业务成功/);
    }
  });

  it('every transaction the counter sends is judged by one of the two kinds above or by its reply schema [ARCH]', () => {
    const schemaJudged = (Object.keys(TRANSACTIONS) as FsiInfno[]).filter(
      (i) => !FLAGGED.includes(i) && !EVIDENCED.includes(i),
    );
    expect(schemaJudged.sort()).toEqual([
      '3101',
      '3102',
      '3103',
      '3201',
      '3202',
      '5205',
      '7201',
      '7202',
      '7203',
      '7204',
      '9002',
    ]);
  });

  it('the failed answer is not stored: once the fault clears the same msgid is carried out once [ARCH][R-STOCK]', async () => {
    const req = f.fsi.buildRequest({
      ...OPTER,
      infno: '3502',
      signNo,
      input: {
        invinfo: {
          med_list_codg: 'XJ01CAA040A001010100435',
          fixmedins_hilist_id: 'H-AMOX',
          fixmedins_hilist_name: '阿莫西林胶囊',
          fixmedins_bchno: 'BIZFAIL-1',
          inv_chg_type: '101',
          pric: 9.8,
          cnt: 1,
          rx_flag: '1',
          inv_chg_time: '2026-12-01 10:00:00',
        },
      },
    });
    await f.fault({ target: '3502', kind: 'bizfail', times: 1 });
    const failed = await f.fsi.send(req);
    expect(failed).toMatchObject({ infcode: -2, businessFailed: true });
    const stored = () =>
      f.sandbox.db
        .prepare('SELECT count(*) FROM processed_messages WHERE msgid = ?')
        .pluck()
        .get(req.msgid);
    expect(stored()).toBe(0);
    const ok = await f.fsi.send(req);
    expect(ok.err_msg).toBe('');
    expect(ok.infcode).toBe(0);
    expect(stored()).toBe(1);
  });

  it('the fault is refused for the e-prescription channel and after processing [ARCH]', async () => {
    expect((await f.fault({ target: 'epc:uploadChk', kind: 'bizfail' })).status).toBe(400);
    expect((await f.fault({ target: '3505', kind: 'bizfail', phase: 'after' })).status).toBe(400);
  });
});
