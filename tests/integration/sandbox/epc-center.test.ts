import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CenterError } from '../../../src/center/center-error';
import {
  buildSignText,
  deriveSm4Key,
  EnvelopeError,
  type EnvelopeKeys,
  generateSm2KeyPair,
  openResponse,
  sealRequest,
  sm2Sign,
  sm4EcbEncrypt,
} from '../../../src/center/crypto';
import { EPC_INTERFACES, EpcClient } from '../../../src/center/epc-client';
import { DEMO_PATIENTS } from '../../../src/sandbox/seed-data';
import { CONFIG, rejection, type SandboxFixture, startFixture, uploadChkData } from './helpers';

const [zhang, li] = DEMO_PATIENTS;
if (!zhang || !li) throw new Error('demo patients missing');
const HOSPITAL = CONFIG.epc.hospital.fixmedinsCode;

const appKeys: EnvelopeKeys = {
  appId: CONFIG.epc.appId,
  appSecret: CONFIG.epc.appSecret,
  privateKey: CONFIG.epc.appKeys.privateKey,
  peerPublicKey: CONFIG.epc.platformKeys.publicKey,
};

describe('e-prescription center: envelope round trip', () => {
  let f: SandboxFixture;
  const post = (name: string, body: unknown) =>
    fetch(`${f.sandbox.url}${CONFIG.epc.pathPrefix}${name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  beforeAll(async () => {
    f = await startFixture();
  });
  afterAll(() => f.close());

  it('uploadChk stores the pre-check and hospRxDetlQuery reads it back through the SM4+SM2 envelope [ARCH]', async () => {
    const data = uploadChkData(zhang);
    const out = await f.epc.call<{ hiRxno: string; rxTraceCode: string }>('uploadChk', data);
    expect(out.hiRxno).toMatch(new RegExp(`^${CONFIG.epc.hospital.admdvs}\\d{24}$`));
    expect(out.rxTraceCode).toMatch(/^[0-9A-Z]{20}$/);

    const detail = await f.epc.call<Record<string, unknown>>('hospRxDetlQuery', {
      fixmedinsCode: HOSPITAL,
      hiRxno: out.hiRxno,
      psnName: zhang.name,
    });
    expect(detail).toMatchObject({
      hiRxno: out.hiRxno,
      rxTraceCode: out.rxTraceCode,
      rxStasCodg: '0',
      rxStasName: '已预核验',
      hospRxno: data.hospRxno,
      rxdrugdetail: data.rxdrugdetail,
      mdtrtinfo: data.mdtrtinfo,
    });
  });

  it('signs replies with the platform key: they verify with the platform public key only [ARCH]', async () => {
    const res = await post(
      'hospRxDetlQuery',
      sealRequest({ fixmedinsCode: HOSPITAL, hiRxno: 'x' }, appKeys),
    );
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ code: 2004, success: false, signType: 'SM2' });
    const ok = await post('uploadChk', sealRequest(uploadChkData(li), appKeys)).then((r) =>
      r.json(),
    );
    expect(openResponse(ok, appKeys)).toMatchObject({ code: 0 });
    const withAppKey = { ...appKeys, peerPublicKey: CONFIG.epc.appKeys.publicKey };
    expect(() => openResponse(ok, withAppKey)).toThrow(EnvelopeError);
  });

  it('answers the same uploadChk again with the same numbers, and refuses other content under that hospRxno [ARCH]', async () => {
    const data = uploadChkData(zhang);
    const first = await f.epc.call('uploadChk', data);
    expect(await f.epc.call('uploadChk', data)).toEqual(first);
    const err = await rejection(f.epc.call('uploadChk', { ...data, valiDays: 5 }));
    expect(err).toMatchObject({ kind: 'business', infcode: 2009 });
    expect((err as Error).message).toMatch(/已预核验且内容不同/);
  });

  it('refuses an incomplete uploadChk listing every missing field in Chinese [ARCH]', async () => {
    const { rxdrugdetail: _lines, ...noLines } = uploadChkData(zhang, { prscTime: '2025/06/01' });
    const err = await rejection(f.epc.call('uploadChk', { ...noLines, mdtrtinfo: {} }));
    expect(err).toMatchObject({ kind: 'business', infcode: 2001 });
    const message = (err as Error).message;
    expect(message).toMatch(/处方明细（rxdrugdetail）/);
    expect(message).toMatch(/开方时间（prscTime）/);
    expect(message).toMatch(/患者姓名（patnName）/);
  });

  it('refuses a prescription for an unknown patient or for another institution [R-AUTH][ARCH]', async () => {
    const unknown = await rejection(
      f.epc.call(
        'uploadChk',
        uploadChkData(zhang, { mdtrtCertNo: '500000ec0000000000000000000000unknown' }),
      ),
    );
    expect((unknown as Error).message).toMatch(/^未查询到参保人信息/);
    const data = uploadChkData(zhang);
    const foreign = await rejection(
      f.epc.call('uploadChk', {
        ...data,
        mdtrtinfo: { ...data.mdtrtinfo, fixmedinsCode: 'H99999999999' },
      }),
    );
    expect((foreign as Error).message).toMatch(/与应用所属机构不符/);
  });

  it('answers every interface it does not implement yet with a clear not-implemented refusal [ARCH]', async () => {
    const implemented = [
      'uploadChk',
      'rxFixmedinsSign',
      'rxFileUpld',
      'rxUndo',
      'hospRxDetlQuery',
      'rxChkInfoQuery',
      'rxSetlInfoQuery',
    ];
    const others = EPC_INTERFACES.filter((n) => !implemented.includes(n));
    expect(others).toEqual(['circDrugQuery']);
    for (const name of others) {
      const err = await rejection(f.epc.call(name, { fixmedinsCode: HOSPITAL }));
      expect(err).toMatchObject({ kind: 'business', infcode: 2999 });
      expect((err as Error).message).toContain(`暂未实现接口 ${name}`);
      expect((err as Error).message).toMatch(/议题补充/);
    }
  });

  it('refuses a request signed with the wrong app key [R-SIGN][ARCH]', async () => {
    const impostor = new EpcClient({ ...f.epcConfig, privateKey: generateSm2KeyPair().privateKey });
    const err = await rejection(
      impostor.call('hospRxDetlQuery', { fixmedinsCode: HOSPITAL, hiRxno: 'x' }),
    );
    expect(err).toBeInstanceOf(CenterError);
    expect(err).toMatchObject({ kind: 'business', infcode: 1004 });
    expect((err as Error).message).toMatch(/签名验证失败/);
  });

  it('refuses a tampered envelope: changed ciphertext, changed timestamp, unknown appId [R-SIGN][ARCH]', async () => {
    const sealed = sealRequest({ fixmedinsCode: HOSPITAL, hiRxno: 'x' }, appKeys);
    const flipped = sealed.encData.startsWith('0')
      ? `1${sealed.encData.slice(1)}`
      : `0${sealed.encData.slice(1)}`;
    const cipher = (await (
      await post('hospRxDetlQuery', { ...sealed, encData: flipped })
    ).json()) as {
      code: number;
      message: string;
    };
    expect([1003, 1004]).toContain(cipher.code);
    const stamp = (await (
      await post('hospRxDetlQuery', { ...sealed, timestamp: String(Number(sealed.timestamp) + 1) })
    ).json()) as { code: number; message: string };
    expect(stamp.code).toBe(1004);
    expect(stamp.message).toMatch(/签名验证失败/);
    const stranger = (await (
      await post('hospRxDetlQuery', { ...sealed, appId: 'FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF' })
    ).json()) as { code: number; message: string };
    expect(stranger).toMatchObject({ code: 1002, success: false });
    expect(stranger.message).toMatch(/未在电子处方中心登记/);
  });

  it('refuses an envelope whose data nests 100,000 arrays as malformed, and keeps answering [ARCH]', async () => {
    const sealed = sealRequest({ fixmedinsCode: HOSPITAL, hiRxno: 'x' }, appKeys);
    const deep = `{"fixmedinsCode":"${HOSPITAL}","hiRxno":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    const encData = sm4EcbEncrypt(
      deriveSm4Key(appKeys.appId, appKeys.appSecret),
      Buffer.from(deep),
    ).toString('hex');
    const res = await post('hospRxDetlQuery', { ...sealed, encData });
    const reply = (await res.json()) as { code: number; message: string };
    expect(reply.code).toBe(1001);
    expect(reply.message).toMatch(/嵌套超过 128 层/);
    expect(
      (
        await post(
          'hospRxDetlQuery',
          sealRequest({ fixmedinsCode: HOSPITAL, hiRxno: 'x' }, appKeys),
        )
      ).status,
    ).toBe(200);
  });

  it('answers a body that is not JSON with HTTP 400 and an unknown interface with 404 [ARCH]', async () => {
    const res = await post('uploadChk', '{not json');
    expect(res.status).toBe(400);
    expect(((await res.json()) as { message: string }).message).toMatch(/不是合法的 JSON/);
    expect((await post('noSuchThing', sealRequest({}, appKeys))).status).toBe(404);
  });

  it('accepts a lower-case encType/signType, a numeric timestamp and lower-case hex, as other SDK ports send [ARCH]', async () => {
    const data = { fixmedinsCode: HOSPITAL, hiRxno: 'x' };
    const head = { appId: appKeys.appId, encType: 'sm4', signType: 'sm2', timestamp: Date.now() };
    const key = deriveSm4Key(appKeys.appId, appKeys.appSecret);
    const encData = sm4EcbEncrypt(key, Buffer.from(JSON.stringify(data), 'utf8')).toString('hex');
    const signData = sm2Sign(
      buildSignText({ ...head, data }, appKeys.appSecret),
      appKeys.privateKey,
    );
    const body = (await (await post('hospRxDetlQuery', { ...head, encData, signData })).json()) as {
      code: number;
    };
    expect(body.code).toBe(2004); // the envelope was accepted; the prescription does not exist
  });
});
