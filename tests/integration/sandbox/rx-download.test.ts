import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EC_PASSWORD_FIELD, ecPasswordDigest } from '../../../src/center/rx/ec-password';
import {
  out7201Schema,
  out7202Schema,
  out7203Schema,
  out7204Schema,
  out7205Schema,
} from '../../../src/center/rx/fsi-72xx';
import {
  createPrescription,
  revokePrescription,
} from '../../../src/sandbox/hospital/create-prescription';
import { setRxStatus } from '../../../src/sandbox/rx/rx-store';
import { DEMO_PATIENTS } from '../../../src/sandbox/seed-data';
import { CONFIG, rejection, type SandboxFixture, startFixture } from './helpers';
import { ok72, refused72 } from './rx-flow-helpers';

const [zhang, li, wang] = DEMO_PATIENTS;
if (!zhang || !li || !wang) throw new Error('demo patients missing');
const METFORMIN = 'XA10BAA115A001010104107';
const OSIMERTINIB = 'XL01EBA110A001010101911';
const DAY_MS = 86_400_000;

describe('sandbox hospital → e-prescription center → pharmacy download (7201–7205)', () => {
  let f: SandboxFixture;
  let signNo: string;
  const hospital = () => ({ baseUrl: f.sandbox.url, config: CONFIG });
  beforeAll(async () => {
    f = await startFixture(10_000);
    signNo = await f.signIn();
  });
  afterAll(() => f.close());

  it('creates a prescription through uploadChk → rxFixmedinsSign → rxFileUpld; the hospital sees it 有效 [ARCH][R-SIGNERS][ST-EPC-01-008]', async () => {
    const rx = await createPrescription(hospital(), { patient: zhang, drugs: [METFORMIN] });
    expect(rx.qr).toBe(`EPCQR01${rx.rxTraceCode}`);
    expect(rx.qr).toHaveLength(27);
    expect(rx.signCertDn).toContain('CN=沙箱示范医院（渝中）');
    expect(rx.signCertDn).toContain('ST=重庆市');
    const detail = await f.epc.call<Record<string, unknown>>('hospRxDetlQuery', {
      fixmedinsCode: rx.fixmedinsCode,
      hiRxno: rx.hiRxno,
    });
    expect(detail).toMatchObject({ rxStasCodg: '1', rxStasName: '有效' });
  });

  it('7201 decodes the QR into an epc_token; 7203/7204 download it and 7205 verifies it (replies match the fsi-72xx schemas) [R-AUTH][R-SIGN][ST-EPC-02-005][ST-EPC-02-008]', async () => {
    const rx = await createPrescription(hospital(), {
      patient: zhang,
      drugs: [{ medListCodg: METFORMIN, packs: 2, days: 14 }, OSIMERTINIB],
    });
    const o1 = out7201Schema.parse(await ok72(f, signNo, '7201', { epc_qrcd: rx.qr }));
    expect(o1.data).toMatchObject({ hi_rxno: rx.hiRxno, name: zhang.name, certno: zhang.certno });
    const token = o1.data.epc_token;
    const o3 = out7203Schema.parse(await ok72(f, signNo, '7203', { epc_token: token }));
    expect(o3.data).toMatchObject({
      hi_rxno: rx.hiRxno,
      rx_trace_code: rx.rxTraceCode,
      epc_token: token,
      fixmedins_code: 'H50010300001',
      rx_stas_codg: '1',
      rx_stas_name: '有效',
    });
    expect(o3.rxdrugdetail.map((l) => l.med_list_codg)).toEqual([METFORMIN, OSIMERTINIB]);
    expect(o3.rxdrugdetail[0]).toMatchObject({ drug_cnt: 2, medc_days: 14, drug_dosunt: '盒' });
    const o4 = out7204Schema.parse(await ok72(f, signNo, '7204', { epc_token: token }));
    expect(o4.data.signCertSn).toBe(rx.signCertSn);
    const o5 = out7205Schema.parse(
      await ok72(f, signNo, '7205', {
        hi_rxno: rx.hiRxno,
        epc_token: token,
        sign_digest: o4.data.signDigest,
        sign_cert_sn: o4.data.signCertSn,
      }),
    );
    expect(o5.data).toMatchObject({
      vrf_rslt: '1',
      cert_stas: '1',
      sign_cert_sn: rx.signCertSn,
      fixmedins_code: 'H50010300001',
      rx_stas_codg: '1',
    });
    expect(o5.data.rx_sign_verify_sn).toMatch(/^\d{30}$/);
    const tampered = await ok72(f, signNo, '7205', {
      hi_rxno: rx.hiRxno,
      epc_token: token,
      sign_digest: `${o4.data.signDigest.slice(0, -4)}AAA=`,
      sign_cert_sn: o4.data.signCertSn,
    });
    expect(out7205Schema.parse(tampered).data.vrf_rslt).toBe('0');
  });

  it('7202 lists the patient’s prescriptions by e-voucher, and by ID card or social-security card only with the e-voucher password, each with a single-use auth_rxno [R-AUTH][ST-EPC-02-001][ST-EPC-02-005]', async () => {
    const rx = await createPrescription(hospital(), { patient: li, drugs: [METFORMIN] });
    const byToken = out7202Schema.parse(
      await ok72(f, signNo, '7202', { mdtrt_cert_type: '01', mdtrt_cert_no: li.ecToken }),
    );
    const idOnly = { mdtrt_cert_type: '02', mdtrt_cert_no: li.certno };
    const cardOnly = { mdtrt_cert_type: '03', mdtrt_cert_no: li.cardNo, card_sn: li.cardSn };
    for (const alone of [idOnly, cardOnly]) {
      expect(await refused72(f, signNo, '7202', alone)).toContain('医保电子凭证密码');
    }
    const password = { [EC_PASSWORD_FIELD]: ecPasswordDigest(li.ecPassword ?? '') };
    const byId = out7202Schema.parse(await ok72(f, signNo, '7202', { ...idOnly, ...password }));
    const byCard = out7202Schema.parse(await ok72(f, signNo, '7202', { ...cardOnly, ...password }));
    for (const out of [byToken, byId, byCard]) {
      expect(out.rxlist.map((r) => r.hi_rxno)).toContain(rx.hiRxno);
    }
    const item = byToken.rxlist.find((r) => r.hi_rxno === rx.hiRxno);
    expect(item).toMatchObject({ rx_stas_codg: '1', diag_name: '2型糖尿病' });
    const authRxno = item?.auth_rxno ?? '';
    expect(new Set([authRxno, ...byId.rxlist.map((r) => r.auth_rxno)]).size).toBe(
      1 + byId.rxlist.length,
    );
    const o4 = out7204Schema.parse(await ok72(f, signNo, '7204', { auth_rxno: authRxno }));
    expect(o4.data.hi_rxno).toBe(rx.hiRxno);
    expect(o4.data.epc_token).toMatch(/^[0-9A-F]{64}$/);
    const again = await refused72(f, signNo, '7204', { auth_rxno: authRxno });
    expect(again).toContain('已使用');
    expect(await refused72(f, signNo, '7203', { auth_rxno: 'X'.repeat(30) })).toContain('无效');
    const badCard = await refused72(f, signNo, '7202', {
      mdtrt_cert_type: '03',
      mdtrt_cert_no: li.cardNo,
      card_sn: 'WRONG',
    });
    expect(badCard).toContain('card_sn');
  });

  it('refuses malformed QR strings and unknown trace codes in Chinese [R-AUTH]', async () => {
    expect(await refused72(f, signNo, '7201', { epc_qrcd: 'EPCQR01SHORT' })).toContain(
      '格式不正确',
    );
    expect(await refused72(f, signNo, '7201', { epc_qrcd: `EPCQR01${'Z'.repeat(20)}` })).toContain(
      '未查询到电子处方',
    );
    expect(await refused72(f, signNo, '7203', {})).toContain('epc_token');
  });

  it('rxUndo revokes an unused prescription: 7203 answers 已撤销 and 7202 no longer lists it; a used one cannot be revoked [R-STATUS]', async () => {
    const rx = await createPrescription(hospital(), { patient: wang, drugs: [METFORMIN] });
    const token = out7201Schema.parse(await ok72(f, signNo, '7201', { epc_qrcd: rx.qr })).data
      .epc_token;
    const undone = await revokePrescription(hospital(), rx);
    expect(undone).toMatchObject({ rxStasCodg: '5', rxStasName: '已撤销' });
    expect(await revokePrescription(hospital(), rx)).toMatchObject({ rxStasCodg: '5' });
    const o3 = out7203Schema.parse(await ok72(f, signNo, '7203', { epc_token: token }));
    expect(o3.data).toMatchObject({ rx_stas_codg: '5', rx_stas_name: '已撤销' });
    const list = out7202Schema.parse(
      await ok72(f, signNo, '7202', { mdtrt_cert_type: '01', mdtrt_cert_no: wang.ecToken }),
    );
    expect(list.rxlist.map((r) => r.hi_rxno)).not.toContain(rx.hiRxno);

    const used = await createPrescription(hospital(), { patient: wang, drugs: [METFORMIN] });
    setRxStatus(f.sandbox.db, used.hiRxno, 'reviewed', new Date());
    const err = await rejection(revokePrescription(hospital(), used));
    expect(String(err)).toContain('处方已使用（已审核），不能撤销');
  });

  it('a prescription created 10 days ago through the clock control carries that upload time; one past valid_end_time answers 已失效 [R-VALID][R-STATUS]', async () => {
    const old = await createPrescription(hospital(), {
      patient: zhang,
      drugs: [METFORMIN],
      valiDays: 15,
      clockOffsetMs: -10 * DAY_MS,
    });
    const clock = (await fetch(`${f.sandbox.url}/x/sandbox/clock`).then((r) => r.json())) as {
      offsetMs: number;
    };
    expect(clock.offsetMs).toBe(0);
    const token = out7201Schema.parse(await ok72(f, signNo, '7201', { epc_qrcd: old.qr })).data
      .epc_token;
    const o3 = out7203Schema.parse(await ok72(f, signNo, '7203', { epc_token: token }));
    const uploadedAgo = Date.now() - Date.parse(`${o3.data.x_upld_time.replace(' ', 'T')}+08:00`);
    expect(uploadedAgo).toBeGreaterThan(10 * DAY_MS - 60_000);
    expect(uploadedAgo).toBeLessThan(10 * DAY_MS + 60_000);
    expect(o3.data.rx_stas_codg).toBe('1');

    const expired = await createPrescription(hospital(), {
      patient: zhang,
      drugs: [METFORMIN],
      valiDays: 3,
      clockOffsetMs: -5 * DAY_MS,
    });
    const t2 = out7201Schema.parse(await ok72(f, signNo, '7201', { epc_qrcd: expired.qr })).data
      .epc_token;
    const e3 = out7203Schema.parse(await ok72(f, signNo, '7203', { epc_token: t2 }));
    expect(e3.data).toMatchObject({ rx_stas_codg: '6', rx_stas_name: '已失效' });
  });

  it('a Dongguan hospital prescribes with its own EPC app and its own certificate (ST=广东省) [R-REGION]', async () => {
    const rx = await createPrescription(hospital(), {
      patient: zhang,
      drugs: [METFORMIN],
      hospital: 'H44190000003',
    });
    expect(rx.hiRxno.startsWith('441900')).toBe(true);
    expect(rx.signCertDn).toContain('ST=广东省');
    const token = out7201Schema.parse(await ok72(f, signNo, '7201', { epc_qrcd: rx.qr })).data
      .epc_token;
    const o3 = out7203Schema.parse(await ok72(f, signNo, '7203', { epc_token: token }));
    expect(o3.data).toMatchObject({
      fixmedins_code: 'H44190000003',
      fixmedins_name: '东莞沙箱示范医院',
    });
  });

  it('replaying a 7204 msgid returns the first answer byte for byte and consumes nothing more [ARCH]', async () => {
    const rx = await createPrescription(hospital(), { patient: li, drugs: [METFORMIN] });
    const list = out7202Schema.parse(
      await ok72(f, signNo, '7202', { mdtrt_cert_type: '01', mdtrt_cert_no: li.ecToken }),
    );
    const auth = list.rxlist.find((r) => r.hi_rxno === rx.hiRxno)?.auth_rxno ?? '';
    const request = f.fsi.buildRequest({
      infno: '7204',
      signNo,
      opter: 'yaoshi',
      opterName: '测试药师',
      input: { data: { auth_rxno: auth } },
    });
    const first = await f.fsi.send(request);
    const second = await f.fsi.send(request);
    expect(first.infcode).toBe(0);
    expect(second).toEqual(first);
  });
});
