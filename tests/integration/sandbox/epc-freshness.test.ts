import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CenterError } from '../../../src/center/center-error';
import { type EnvelopeKeys, sealRequest } from '../../../src/center/crypto';
import { EpcClient } from '../../../src/center/epc-client';
import { DEMO_PATIENTS } from '../../../src/sandbox/seed-data';
import { CONFIG, type SandboxFixture, startFixture, uploadChkData } from './helpers';

const [zhang] = DEMO_PATIENTS;
if (!zhang) throw new Error('demo patients missing');
const HOSPITAL = CONFIG.epc.hospital.fixmedinsCode;
const MINUTE = 60_000;

const appKeys: EnvelopeKeys = {
  appId: CONFIG.epc.appId,
  appSecret: CONFIG.epc.appSecret,
  privateKey: CONFIG.epc.appKeys.privateKey,
  peerPublicKey: CONFIG.epc.platformKeys.publicKey,
};

interface EpcAnswer {
  code: number;
  message: string;
}

describe('e-prescription center: timestamp freshness and replay (center-protocol §2)', () => {
  let f: SandboxFixture;
  const post = async (name: string, body: unknown): Promise<EpcAnswer> => {
    const res = await fetch(`${f.sandbox.url}${CONFIG.epc.pathPrefix}${name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return (await res.json()) as EpcAnswer;
  };
  const query = { fixmedinsCode: HOSPITAL, hiRxno: 'none' };
  beforeAll(async () => {
    f = await startFixture();
  });
  afterAll(() => f.close());

  it('refuses a correctly signed request dated 2001 with the stale-timestamp code [ARCH]', async () => {
    const dated2001 = sealRequest(query, appKeys, { timestamp: Date.UTC(2001, 0, 1) });
    const answer = await post('hospRxDetlQuery', dated2001);
    expect(answer.code).toBe(1005);
    expect(answer.message).toMatch(/相差超过 300 秒/);
  });

  it('refuses a request more than 300 s old or ahead, accepts one inside the window [ARCH]', async () => {
    const now = Date.now();
    expect(
      (await post('hospRxDetlQuery', sealRequest(query, appKeys, { timestamp: now - 6 * MINUTE })))
        .code,
    ).toBe(1005);
    expect(
      (await post('hospRxDetlQuery', sealRequest(query, appKeys, { timestamp: now + 6 * MINUTE })))
        .code,
    ).toBe(1005);
    // Inside the window the envelope is accepted: the answer is the business "not found".
    expect(
      (await post('hospRxDetlQuery', sealRequest(query, appKeys, { timestamp: now - 4 * MINUTE })))
        .code,
    ).toBe(2004);
    expect(
      (await post('hospRxDetlQuery', sealRequest(query, appKeys, { timestamp: now + 4 * MINUTE })))
        .code,
    ).toBe(2004);
  });

  it('refuses the same signed request sent twice, and the replay changes nothing [ARCH]', async () => {
    const data = uploadChkData(zhang);
    const sealed = sealRequest(data, appKeys);
    const first = await post('uploadChk', sealed);
    expect(first.code).toBe(0);
    const again = await post('uploadChk', sealed);
    expect(again.code).toBe(1006);
    expect(again.message).toMatch(/重放/);
    const rows = f.sandbox.db
      .prepare('SELECT COUNT(*) AS n FROM epc_prescriptions WHERE hosp_rxno = ?')
      .get(data.hospRxno) as { n: number };
    expect(rows.n).toBe(1);
  });

  it('a request that failed its signature is not remembered: the genuine one still passes [ARCH]', async () => {
    const sealed = sealRequest(query, appKeys);
    const forged = {
      ...sealed,
      encData: sealed.encData.replace(/^./, (c) => (c === '0' ? '1' : '0')),
    };
    expect([1003, 1004]).toContain((await post('hospRxDetlQuery', forged)).code);
    expect((await post('hospRxDetlQuery', sealed)).code).toBe(2004);
  });

  it("the client's own requests carry fresh timestamps: repeated calls are all accepted [ARCH]", async () => {
    for (let i = 0; i < 5; i++) {
      const err = await f.epc.call('hospRxDetlQuery', query).catch((e: unknown) => e);
      expect(err).toMatchObject({ kind: 'business', infcode: 2004 });
    }
  });

  it('the client explains a clock-skew refusal in Chinese [ARCH]', async () => {
    const slowClock = new EpcClient(f.epcConfig, { now: () => new Date(Date.now() - 10 * MINUTE) });
    const err = await slowClock.call('hospRxDetlQuery', query).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CenterError);
    expect(err).toMatchObject({ kind: 'business', infcode: 1005 });
    expect((err as Error).message).toMatch(/本机时间与中心时间相差过大，请校准本机系统时间/);
  });
});
