import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isSignInRefusal, SIGN_IN_INVALID } from '../../../src/center/sign-in-refusal';
import { OPTER, type SandboxFixture, startFixture } from './helpers';

describe('the center and a request whose sign-in has ended', () => {
  let f: SandboxFixture;
  beforeAll(async () => {
    f = await startFixture();
  });
  afterAll(() => f.close());

  const purchase = (signNo: string, msgid?: string) =>
    f.fsi.buildRequest(
      {
        ...OPTER,
        infno: '3503',
        signNo,
        input: {
          purcinfo: {
            med_list_codg: 'XJ01CAA040A001010100435',
            fixmedins_hilist_id: 'H-AMOX',
            fixmedins_hilist_name: '阿莫西林胶囊',
            fixmedins_bchno: `SIGN-${signNo.slice(-6)}`,
            spler_name: '沙箱医药公司',
            spler_pmtno: '沪AA0210001',
            manu_lotnum: 'L1',
            manu_date: '2025-01-01',
            expy_end: '2027-01-01',
            finl_trns_pric: 9.8,
            purc_retn_cnt: 5,
            purc_retn_stoin_time: '2026-12-01 10:00:00',
            drugtracinfo: [1, 2, 3, 4, 5].map((k) => ({
              drug_trac_codg: `8010371${signNo.slice(-6).replace(/\D/g, '0')}${String(k).padStart(7, '0')}`,
            })),
          },
        },
      },
      msgid,
    );
  const stored = (msgid: string) =>
    f.sandbox.db
      .prepare('SELECT count(*) FROM processed_messages WHERE msgid = ?')
      .pluck()
      .get(msgid);

  it('refuses it with the code SIGN_IN_INVALID without storing the msgid, so it can come again under a live sign-in [ARCH][R-STOCK]', async () => {
    const dead = purchase('50000020250101000000000002');
    const refused = await f.fsi.send(dead);
    expect(refused).toMatchObject({ infcode: -2, x_err_code: SIGN_IN_INVALID });
    expect(isSignInRefusal(refused)).toBe(true);
    expect(stored(dead.msgid)).toBe(0);
    const live = await f.signIn();
    const again = await f.fsi.send({ ...dead, sign_no: live });
    expect(again.infcode).toBe(0);
    expect(stored(dead.msgid)).toBe(1);
  });

  it('answers a msgid it already took from its store even when the sign_no has since ended: never applied twice [ARCH][R-STOCK]', async () => {
    const live = await f.signIn();
    const req = purchase(live);
    expect((await f.fsi.send(req)).infcode).toBe(0);
    await f.call({
      infno: '9002',
      input: { signOut: { sign_no: live, opter_no: OPTER.opter } },
      signNo: live,
    });
    const replay = await f.fsi.send(req);
    expect(replay.infcode).toBe(0);
    const count = f.sandbox.db
      .prepare('SELECT count(*) FROM inventory_uploads WHERE msgid = ?')
      .pluck()
      .get(req.msgid);
    expect(count).toBe(1);
  });
});
