import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CenterError } from '../../../src/center/center-error';
import { assertOk, FsiClient } from '../../../src/center/fsi-client';
import { tifHeaders } from '../../../src/center/tif-headers';
import type { FsiInfno, TransactionInput } from '../../../src/center/transactions';
import { DEMO_PATIENTS } from '../../../src/sandbox/seed-data';
import { CONFIG, OPTER, rejection, type SandboxFixture, startFixture } from './helpers';

const [zhang, li, wang] = DEMO_PATIENTS;
if (!zhang || !li || !wang) throw new Error('demo patients missing');

const countSignIns = (f: SandboxFixture) =>
  (f.sandbox.db.prepare('SELECT COUNT(*) AS n FROM sign_ins').get() as { n: number }).n;
const processed = (f: SandboxFixture, msgid: string) =>
  f.sandbox.db.prepare('SELECT * FROM processed_messages WHERE msgid = ?').get(msgid) as
    | { request: string; response: string; infcode: number }
    | undefined;

describe('FSI gateway: TIF headers', () => {
  let f: SandboxFixture;
  beforeAll(async () => {
    f = await startFixture();
  });
  afterAll(() => f.close());

  const body = () =>
    f.fsi.buildRequest({ infno: '9001', input: { signIn: { opter_no: 'u' } }, ...OPTER });

  it('refuses a request without the x-tif headers with HTTP 401 and leaves no trace [ARCH]', async () => {
    const request = body();
    const res = await f.postFsi(request, {
      'x-tif-signature': undefined,
      'x-tif-nonce': undefined,
    });
    expect(res.status).toBe(401);
    const json = (await res.json()) as { type: string; message: string };
    expect(json.type).toBe('tif_missing');
    expect(json.message).toContain('x-tif-nonce');
    expect(processed(f, request.msgid)).toBeUndefined();
  });

  it('refuses a wrong signature and an unknown paasid with HTTP 403 [ARCH]', async () => {
    const wrong = tifHeaders(CONFIG.fsi.paasid, 'not-the-token');
    const res = await f.postFsi(body(), wrong);
    expect(res.status).toBe(403);
    expect(((await res.json()) as { type: string }).type).toBe('tif_signature');

    const stranger = tifHeaders('someone_else', CONFIG.fsi.paasToken);
    const res2 = await f.postFsi(body(), stranger);
    expect(res2.status).toBe(403);
    expect(((await res2.json()) as { message: string }).message).toMatch(/未登记/);
  });

  it('refuses a stale timestamp and a timestamp in milliseconds [ARCH]', async () => {
    const now = Math.floor(Date.now() / 1000);
    const stale = await f.postFsi(
      body(),
      tifHeaders(CONFIG.fsi.paasid, CONFIG.fsi.paasToken, now - 3600),
    );
    expect(stale.status).toBe(401);
    expect(((await stale.json()) as { type: string }).type).toBe('tif_timestamp');
    const ms = await f.postFsi(
      body(),
      tifHeaders(CONFIG.fsi.paasid, CONFIG.fsi.paasToken, Date.now()),
    );
    expect(ms.status).toBe(401);
    expect(((await ms.json()) as { message: string }).message).toMatch(/毫秒/);
  });

  it('refuses a nonce used before, even for another msgid [ARCH]', async () => {
    const headers = tifHeaders(CONFIG.fsi.paasid, CONFIG.fsi.paasToken);
    const first = await f.postFsi(body(), headers);
    expect(first.status).toBe(200);
    const second = await f.postFsi(body(), headers);
    expect(second.status).toBe(401);
    expect(((await second.json()) as { type: string }).type).toBe('tif_nonce');
  });

  it('the client reports a gateway refusal as an HTTP error [ARCH]', async () => {
    const client = new FsiClient({ ...f.fsiConfig, paasToken: 'wrong-token' });
    const err = await rejection(
      client.call({ infno: '9001', input: { signIn: { opter_no: 'u' } }, ...OPTER }),
    );
    expect(err).toBeInstanceOf(CenterError);
    expect(err).toMatchObject({ kind: 'http', status: 403 });
  });
});

describe('FSI gateway: request and response wrapper', () => {
  let f: SandboxFixture;
  beforeAll(async () => {
    f = await startFixture();
  });
  afterAll(() => f.close());

  it('answers the exact response wrapper with platform-shaped ids and times [ARCH]', async () => {
    const res = await f.postFsi(
      f.fsi.buildRequest({ infno: '9001', input: { signIn: { opter_no: 'u' } }, ...OPTER }),
    );
    const json = (await res.json()) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual([
      'infcode',
      'inf_refmsgid',
      'refmsg_time',
      'respond_time',
      'err_msg',
      'warn_msg',
      'output',
    ]);
    expect(json.infcode).toBe(0);
    expect(json.inf_refmsgid).toMatch(new RegExp(`^${CONFIG.fsi.centerAdmdvs}\\d{14}\\d{10}$`));
    expect(json.refmsg_time).toMatch(/^\d{17}$/);
    expect(json.respond_time).toMatch(/^\d{17}$/);
  });

  it('refuses a body that is not JSON with HTTP 400 and infcode -2 [ARCH]', async () => {
    const res = await f.postFsi('{"infno": "9001",');
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ infcode: -2, err_msg: '请求报文不是合法的 JSON' });
  });

  it('refuses a malformed msgid, a msgid of another institution and a bad wrapper in Chinese [ARCH]', async () => {
    const good = f.fsi.buildRequest({
      infno: '9001',
      input: { signIn: { opter_no: 'u' } },
      ...OPTER,
    });
    const short = await (await f.postFsi({ ...good, msgid: 'P5001030000120250101' })).json();
    expect(short).toMatchObject({ infcode: -2 });
    expect((short as { err_msg: string }).err_msg).toMatch(/报文ID（msgid）应为 30 位/);

    const foreign = await (
      await f.postFsi({ ...good, msgid: `P50010300002${good.msgid.slice(12)}` })
    ).json();
    expect((foreign as { err_msg: string }).err_msg).toMatch(/前 12 位须与定点医药机构编号/);

    const bad = {
      ...good,
      msgid: `${good.msgid.slice(0, 26)}9998`,
      infver: 'V2',
      inf_time: '2025/01/01 10:00',
      opter_type: '7',
      input: [],
    };
    const res = (await (await f.postFsi(bad)).json()) as { infcode: number; err_msg: string };
    expect(res.infcode).toBe(-2);
    expect(res.err_msg).toMatch(/接口版本号（infver）/);
    expect(res.err_msg).toMatch(/交易时间（inf_time）/);
    expect(res.err_msg).toMatch(/经办人类别/);
    expect(res.err_msg).toMatch(/交易输入（input）/);
  });

  it('refuses an institution the center does not know [ARCH]', async () => {
    const other = new FsiClient({ ...f.fsiConfig, fixmedinsCode: 'P99999999999' });
    const res = await other.call({ infno: '9001', input: { signIn: { opter_no: 'u' } }, ...OPTER });
    expect(res.infcode).toBe(-2);
    expect(res.err_msg).toMatch(/未在中心登记/);
  });

  it('requires insuplc_admdvs when the input carries psn_no [ARCH]', async () => {
    const signNo = await f.signIn();
    const res = await f.call({ infno: '1101', input: { data: { psn_no: zhang.psnNo } }, signNo });
    expect(res.infcode).toBe(-2);
    expect(res.err_msg).toMatch(/参保地医保区划（insuplc_admdvs）/);
  });

  it('refuses an unknown infno as 不支持的交易 [ARCH]', async () => {
    const signNo = await f.signIn();
    // The client's types refuse a transaction it cannot judge; this test speaks to the sandbox.
    const res = await f.call({ infno: '8999' as FsiInfno, input: { data: {} }, signNo });
    expect(res).toMatchObject({ infcode: -2, err_msg: '不支持的交易：8999' });
  });
});

describe('FSI gateway: 9001 / 9002 / 1101', () => {
  let f: SandboxFixture;
  let signNo: string;
  beforeAll(async () => {
    f = await startFixture();
    signNo = await f.signIn();
  });
  afterAll(() => f.close());

  it('signs in directly with the center and gets a sign_no, through no relay or proxy [ARCH][ST-EPC-02-003]', async () => {
    const saved = { http: process.env.HTTP_PROXY, all: process.env.ALL_PROXY };
    process.env.HTTP_PROXY = 'http://127.0.0.1:9';
    process.env.ALL_PROXY = 'http://127.0.0.1:9';
    try {
      const request = f.fsi.buildRequest({
        infno: '9001',
        input: { signIn: { opter_no: 'yaoshi', mac: '', ip: '' } },
        ...OPTER,
      });
      const res = await f.fsi.send(request);
      assertOk(res);
      const out = res.output as { signinoutb: { sign_no: string; sign_time: string } };
      expect(out.signinoutb.sign_no).toMatch(/^\d{26}$/);
      expect(out.signinoutb.sign_time).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
      // the center received exactly the request the counter built, from the counter itself
      expect(processed(f, request.msgid)?.request).toBe(JSON.stringify(request));
    } finally {
      process.env.HTTP_PROXY = saved.http;
      process.env.ALL_PROXY = saved.all;
      if (saved.http === undefined) delete process.env.HTTP_PROXY;
      if (saved.all === undefined) delete process.env.ALL_PROXY;
    }
  });

  it('finds the insured person by e-voucher token (01) [R-AUTH][ST-EPC-02-001][ST-EPC-02-005]', async () => {
    const res = assertOk(
      await f.call({
        infno: '1101',
        input: { data: { mdtrt_cert_type: '01', mdtrt_cert_no: li.ecToken } },
        signNo,
      }),
    );
    const out = res.output as {
      baseinfo: Record<string, unknown>;
      insuinfo: Array<Record<string, unknown>>;
      idetinfo: unknown[];
    };
    expect(out.baseinfo).toMatchObject({
      psn_no: li.psnNo,
      psn_name: li.name,
      certno: li.certno,
      psn_cert_type: '01',
      gend: '2',
      brdy: li.birthday,
    });
    expect(typeof out.baseinfo.age).toBe('number');
    expect(out.insuinfo.map((i) => i.insutype)).toEqual(['310', '330']);
    expect(out.insuinfo[0]).toMatchObject({
      balc: 3560,
      psn_insu_stas: '1',
      insuplc_admdvs: li.insuplcAdmdvs,
    });
    expect(out.idetinfo).toEqual([]);
  });

  it('finds the insured person by ID card (02) [R-AUTH][ST-EPC-02-005]', async () => {
    const res = assertOk(
      await f.call({
        infno: '1101',
        input: { data: { mdtrt_cert_type: '02', mdtrt_cert_no: wang.certno } },
        signNo,
      }),
    );
    const out = res.output as { baseinfo: { psn_name: string }; idetinfo: Array<{ memo: string }> };
    expect(out.baseinfo.psn_name).toBe(wang.name);
    expect(out.idetinfo[0]?.memo).toBe('城乡低保对象');
  });

  it('finds the insured person by social-security card only with the right card_sn (03) [R-AUTH][ST-EPC-02-005]', async () => {
    const ok = await f.call({
      infno: '1101',
      input: {
        data: { mdtrt_cert_type: '03', mdtrt_cert_no: zhang.cardNo, card_sn: zhang.cardSn },
      },
      signNo,
    });
    expect((assertOk(ok).output as { baseinfo: { psn_no: string } }).baseinfo.psn_no).toBe(
      zhang.psnNo,
    );

    const noSn = await f.call({
      infno: '1101',
      input: { data: { mdtrt_cert_type: '03', mdtrt_cert_no: zhang.cardNo } },
      signNo,
    });
    expect(noSn).toMatchObject({ infcode: -2 });
    expect(noSn.err_msg).toMatch(/卡识别码（card_sn）/);

    const wrongSn = await f.call({
      infno: '1101',
      input: { data: { mdtrt_cert_type: '03', mdtrt_cert_no: zhang.cardNo, card_sn: li.cardSn } },
      signNo,
    });
    expect(wrongSn.infcode).toBe(-2);
    expect(wrongSn.err_msg).toMatch(/card_sn）与卡号不符/);
  });

  it('refuses an unknown e-voucher token in Chinese, and assertOk turns it into a business error [R-AUTH][ST-EPC-02-001]', async () => {
    const res = await f.call({
      infno: '1101',
      input: {
        data: { mdtrt_cert_type: '01', mdtrt_cert_no: '500000ec0000000000000000000000unknown' },
      },
      signNo,
    });
    expect(res.infcode).toBe(-2);
    expect(res.err_msg).toMatch(/^未查询到参保人信息/);
    expect(res.output).toBeNull();
    const err = await rejection(Promise.resolve().then(() => assertOk(res)));
    expect(err).toMatchObject({ kind: 'business', infcode: -2, message: res.err_msg });
  });

  it('refuses an ID number with a wrong check digit and an unknown certificate type [R-AUTH][ST-EPC-02-005]', async () => {
    const badCheck = `${zhang.certno.slice(0, 17)}${zhang.certno.endsWith('0') ? '1' : '0'}`;
    const res = await f.call({
      infno: '1101',
      input: { data: { mdtrt_cert_type: '02', mdtrt_cert_no: badCheck } },
      signNo,
    });
    expect(res.err_msg).toMatch(/校验位/);
    const res2 = await f.call({
      infno: '1101',
      input: { data: { mdtrt_cert_type: '09', mdtrt_cert_no: 'x' } },
      signNo,
    });
    expect(res2.err_msg).toMatch(/就诊凭证类型/);
  });

  it('refuses 1101 without a live sign-in of this pharmacy [R-AUTH][ST-EPC-02-001][ST-EPC-02-005]', async () => {
    const input = { data: { mdtrt_cert_type: '01', mdtrt_cert_no: zhang.ecToken } };
    const none = await f.call({ infno: '1101', input });
    expect(none).toMatchObject({ infcode: -2, err_msg: '未签到或签到已失效，请先签到（9001）' });
    expect(none.output).toBeNull();

    const invented = await f.call({ infno: '1101', input, signNo: '50000020250101000000000001' });
    expect(invented.infcode).toBe(-2);

    const otherPharmacy = new FsiClient({ ...f.fsiConfig, fixmedinsCode: 'P50010300002' });
    const theirs = assertOk(
      await otherPharmacy.call({ infno: '9001', input: { signIn: { opter_no: 'x' } }, ...OPTER }),
    ).output as { signinoutb: { sign_no: string } };
    const borrowed = await f.call({ infno: '1101', input, signNo: theirs.signinoutb.sign_no });
    expect(borrowed.err_msg).toMatch(/未签到/);
  });

  it('signs out (9002), after which the sign_no no longer works [ARCH]', async () => {
    const mine = await f.signIn();
    const out = await f.call({
      infno: '9002',
      input: { signOut: { sign_no: mine, opter_no: OPTER.opter } },
      signNo: mine,
    });
    expect(assertOk(out).output).toMatchObject({ signoutoutb: { sign_no: mine } });
    const after = await f.call({
      infno: '1101',
      input: { data: { mdtrt_cert_type: '01', mdtrt_cert_no: zhang.ecToken } },
      signNo: mine,
    });
    expect(after.err_msg).toMatch(/未签到或签到已失效/);
  });
});

describe('FSI gateway: msgid replay (idempotency)', () => {
  let f: SandboxFixture;
  beforeAll(async () => {
    f = await startFixture();
  });
  afterAll(() => f.close());

  it('answers a repeated 9001 msgid with the first response byte for byte and no second sign-in [ARCH]', async () => {
    const request = f.fsi.buildRequest({
      infno: '9001',
      input: { signIn: { opter_no: 'u' } },
      ...OPTER,
    });
    const before = countSignIns(f);
    const first = await (await f.postFsi(request)).text();
    const second = await (await f.postFsi(request)).text();
    expect(second).toBe(first);
    expect(countSignIns(f)).toBe(before + 1);
    // through the client as well: a frozen request resent as-is
    const third = await f.fsi.send(request);
    expect(JSON.stringify(third)).toBe(first);
    expect(countSignIns(f)).toBe(before + 1);
  });

  it('replays a business refusal as it was [ARCH]', async () => {
    // A sign-in refusal is not one: it is not stored (sign-in-refusal.test.ts).
    const request = f.fsi.buildRequest({
      infno: '1101',
      input: { data: { mdtrt_cert_type: '09', mdtrt_cert_no: DEMO_PATIENTS[0]?.ecToken ?? '' } },
      signNo: await f.signIn(),
      ...OPTER,
    });
    const first = await (await f.postFsi(request)).text();
    expect(JSON.parse(first)).toMatchObject({ infcode: -2 });
    expect(await (await f.postFsi(request)).text()).toBe(first);
  });

  it('replays a 9002 that already signed out as its original success [ARCH]', async () => {
    const signNo = await f.signIn();
    const request = f.fsi.buildRequest({
      infno: '9002',
      input: { signOut: { sign_no: signNo, opter_no: 'u' } },
      signNo,
      ...OPTER,
    });
    const first = await f.fsi.send(request);
    expect(first.infcode).toBe(0);
    const again = await f.fsi.send(request);
    expect(again).toEqual(first);
  });

  it('refuses a msgid reused for another transaction, without recording it [ARCH]', async () => {
    const signIn = f.fsi.buildRequest({
      infno: '9001',
      input: { signIn: { opter_no: 'u' } },
      ...OPTER,
    });
    await f.fsi.send(signIn);
    const clash = f.fsi.buildRequest(
      { infno: '9002', input: { signOut: {} } as TransactionInput<'9002'>, ...OPTER },
      signIn.msgid,
    );
    const res = await f.fsi.send(clash);
    expect(res.infcode).toBe(-2);
    expect(res.err_msg).toMatch(/已用于交易 9001/);
    expect(processed(f, signIn.msgid)?.response).toContain('signinoutb');
  });

  it('keeps built requests frozen so an outbox resends exactly what it stored [ARCH]', () => {
    const input = { data: { mdtrt_cert_type: '01', mdtrt_cert_no: 'a' } };
    const request = f.fsi.buildRequest({ infno: '1101', input, ...OPTER });
    input.data.mdtrt_cert_no = 'changed';
    expect((request.input.data as { mdtrt_cert_no: string }).mdtrt_cert_no).toBe('a');
    expect(Object.isFrozen(request)).toBe(true);
    expect(Object.isFrozen(request.input.data)).toBe(true);
    expect(request.msgid).toHaveLength(30);
    expect(request).toMatchObject({
      infver: 'V1.0',
      fixmedins_code: CONFIG.pharmacy.fixmedinsCode,
      sign_no: '',
    });
  });
});
