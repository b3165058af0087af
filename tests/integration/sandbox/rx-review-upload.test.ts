import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dateTime } from '../../../src/center/clock';
import { out7201Schema, out7204Schema, out7205Schema } from '../../../src/center/rx/fsi-72xx';
import { out7206Schema, RX_CHK_STATUS } from '../../../src/center/rx/fsi-7206';
import type { TransactionInput } from '../../../src/center/transactions';
import {
  createPrescription,
  revokePrescription,
} from '../../../src/sandbox/hospital/create-prescription';
import { DEMO_PATIENTS, DEMO_PHARMACISTS } from '../../../src/sandbox/seed-data';
import { CONFIG, OPTER, PHARMACY, type SandboxFixture, startFixture } from './helpers';
import { ok72 } from './rx-flow-helpers';

const [zhang, li] = DEMO_PATIENTS;
const pharmacist = DEMO_PHARMACISTS[0];
const pharmacistPerson = DEMO_PATIENTS.find((p) => p.certno === pharmacist?.certno);
if (!zhang || !li || !pharmacist || !pharmacistPerson) throw new Error('demo data missing');
const METFORMIN = 'XA10BAA115A001010104107';

describe('sandbox 7206 电子处方审方信息上传', () => {
  let f: SandboxFixture;
  let signNo: string;
  const hospital = () => ({ baseUrl: f.sandbox.url, config: CONFIG });

  /** A prescription downloaded and verified by the pharmacy: what a 7206 needs. */
  const downloaded = async () => {
    const rx = await createPrescription(hospital(), { patient: zhang, drugs: [METFORMIN] });
    const token = out7201Schema.parse(await ok72(f, signNo, '7201', { epc_qrcd: rx.qr })).data
      .epc_token;
    const o4 = out7204Schema.parse(await ok72(f, signNo, '7204', { epc_token: token }));
    const o5 = out7205Schema.parse(
      await ok72(f, signNo, '7205', {
        hi_rxno: rx.hiRxno,
        epc_token: token,
        sign_digest: o4.data.signDigest,
        sign_cert_sn: o4.data.signCertSn,
      }),
    );
    return { rx, token, verifySn: o5.data.rx_sign_verify_sn };
  };

  const upInfo = (
    d: Awaited<ReturnType<typeof downloaded>>,
    over: Record<string, string> = {},
  ) => ({
    hi_rxno: d.rx.hiRxno,
    epc_token: d.token,
    ec_token: pharmacistPerson?.ecToken ?? '',
    fixmedins_code: PHARMACY.fixmedinsCode,
    fixmedins_name: PHARMACY.fixmedinsName,
    phar_cert_type: pharmacist.certType,
    phar_certno: pharmacist.certno,
    phar_code: pharmacist.pharCode,
    phar_name: pharmacist.pharName,
    rx_chk_opnn: '处方合理，用法用量适宜',
    rx_chk_time: dateTime(new Date()),
    rx_chk_stas_codg: RX_CHK_STATUS.pass.codg,
    rx_sign_verify_sn: d.verifySn,
    ...over,
  });
  const request = (info: Record<string, string>) =>
    f.fsi.buildRequest({
      ...OPTER,
      infno: '7206',
      signNo,
      input: { rx_chk_up_info: info } as TransactionInput<'7206'>,
    });
  const centerStatus = async (rx: { hiRxno: string; fixmedinsCode: string }) =>
    f.epc.call<Record<string, unknown>>('hospRxDetlQuery', {
      fixmedinsCode: rx.fixmedinsCode,
      hiRxno: rx.hiRxno,
    });

  beforeAll(async () => {
    f = await startFixture(10_000);
    signNo = await f.signIn();
  });
  afterAll(() => f.close());

  it('a pass answers a 30-character rx_chk_biz_sn and moves the prescription to 已审核; a replayed msgid gives the first answer [R-OPINION][ST-EPC-02-007][ARCH]', async () => {
    const d = await downloaded();
    const req = request(upInfo(d));
    const first = await f.fsi.send(req);
    expect(first.err_msg).toBe('');
    const out = out7206Schema.parse(first.output);
    expect(out.data.rx_chk_biz_sn).toHaveLength(30);
    expect(await centerStatus(d.rx)).toMatchObject({ rxStasCodg: '2', rxStasName: '已审核' });
    const seen = await f.epc.call<Record<string, unknown>>('rxChkInfoQuery', {
      fixmedinsCode: d.rx.fixmedinsCode,
      hiRxno: d.rx.hiRxno,
    });
    expect(seen).toMatchObject({
      pharCode: pharmacist.pharCode,
      rxChkStasCodg: '1',
      rxChkStasName: '审核通过',
      rxChkOpnn: '处方合理，用法用量适宜',
    });

    const replay = await f.fsi.send(req);
    expect(replay).toEqual(first);
    const count = f.sandbox.db
      .prepare('SELECT count(*) FROM rx_reviews WHERE hi_rxno = ?')
      .pluck()
      .get(d.rx.hiRxno);
    expect(count).toBe(1);

    const again = await f.fsi.send(request(upInfo(d)));
    expect(again.infcode).toBe(-2);
    expect(again.err_msg).toContain('已审核');
  });

  it('a reject is recorded and the prescription stays 有效; a later pass is accepted [R-OPINION]', async () => {
    const d = await downloaded();
    const rejected = await f.fsi.send(
      request(
        upInfo(d, {
          rx_chk_stas_codg: RX_CHK_STATUS.reject.codg,
          rx_chk_opnn: '剂量超出说明书范围，请医师确认',
        }),
      ),
    );
    expect(rejected.infcode, rejected.err_msg).toBe(0);
    expect(await centerStatus(d.rx)).toMatchObject({ rxStasCodg: '1' });
    const passed = await f.fsi.send(request(upInfo(d)));
    expect(passed.infcode, passed.err_msg).toBe(0);
  });

  it('a revoked prescription is refused with infcode -2 and a Chinese reason [R-STATUS]', async () => {
    const d = await downloaded();
    await revokePrescription(hospital(), d.rx);
    const res = await f.fsi.send(request(upInfo(d)));
    expect(res.infcode).toBe(-2);
    expect(res.err_msg).toContain('已被医疗机构撤销');
  });

  it('refuses another person’s e-voucher, an unregistered pharmacist code and a missing opinion [R-PHARMACIST][ST-EPC-02-006][R-OPINION]', async () => {
    const d = await downloaded();
    const other = await f.fsi.send(request(upInfo(d, { ec_token: li.ecToken })));
    expect(other.infcode).toBe(-2);
    expect(other.err_msg).toContain('不是审方药师本人');
    const unknown = await f.fsi.send(request(upInfo(d, { phar_code: 'Y500103999999' })));
    expect(unknown.err_msg).toContain('未在医保药师库登记');
    const silent = await f.fsi.send(request(upInfo(d, { rx_chk_opnn: '' })));
    expect(silent.err_msg).toContain('审核意见');
    const badCode = await f.fsi.send(request(upInfo(d, { rx_chk_stas_codg: '9' })));
    expect(badCode.err_msg).toContain('rx_chk_stas_codg');
    expect(await centerStatus(d.rx)).toMatchObject({ rxStasCodg: '1' });
  });

  it('a pass without a 7205 verification serial is refused [R-SIGN]', async () => {
    const d = await downloaded();
    const res = await f.fsi.send(request(upInfo(d, { rx_sign_verify_sn: 'X' })));
    expect(res.infcode).toBe(-2);
    expect(res.err_msg).toContain('7205');
  });
});
