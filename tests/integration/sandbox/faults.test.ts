import { request as httpRequest } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CenterError } from '../../../src/center/center-error';
import { EpcClient } from '../../../src/center/epc-client';
import { FsiClient } from '../../../src/center/fsi-client';
import { DEMO_PATIENTS } from '../../../src/sandbox/seed-data';
import {
  CONFIG,
  OPTER,
  rejection,
  type SandboxFixture,
  startFixture,
  uploadChkData,
} from './helpers';

const patient = DEMO_PATIENTS[0];
if (!patient) throw new Error('demo patients missing');

const signInCall = { infno: '9001' as const, input: { signIn: { opter_no: 'u' } }, ...OPTER };
const countSignIns = (f: SandboxFixture) =>
  (f.sandbox.db.prepare('SELECT COUNT(*) AS n FROM sign_ins').get() as { n: number }).n;

describe('fault injection on the FSI gateway, as the client sees it', () => {
  let f: SandboxFixture;
  let fast: FsiClient;
  beforeAll(async () => {
    f = await startFixture();
    fast = new FsiClient({ ...f.fsiConfig, timeoutMs: 400 });
  });
  afterAll(() => f.close());
  afterEach(() => f.clearFaults());

  it('delay: the answer comes late but whole [ARCH]', async () => {
    expect((await f.fault({ target: '9001', kind: 'delay', delayMs: 250 })).status).toBe(201);
    const started = Date.now();
    const res = await f.fsi.call(signInCall);
    expect(res.infcode).toBe(0);
    expect(Date.now() - started).toBeGreaterThanOrEqual(240);
  });

  it('timeout (after processing): the client times out, the effect happened, and resending the msgid recovers it [ARCH]', async () => {
    await f.fault({ target: '9001', kind: 'timeout', times: 1 });
    const request = fast.buildRequest(signInCall);
    const before = countSignIns(f);
    const err = await rejection(fast.send(request));
    expect(err).toBeInstanceOf(CenterError);
    expect(err).toMatchObject({ kind: 'timeout', msgid: request.msgid, outcomeUnknown: true });
    expect(countSignIns(f)).toBe(before + 1);
    const again = await fast.send(request);
    expect(again.infcode).toBe(0);
    expect(countSignIns(f)).toBe(before + 1);
  });

  it('timeout before processing leaves no effect [ARCH]', async () => {
    await f.fault({ target: 'fsi:9001', kind: 'timeout', phase: 'before', times: 1 });
    const before = countSignIns(f);
    expect(await rejection(fast.call(signInCall))).toMatchObject({ kind: 'timeout' });
    expect(countSignIns(f)).toBe(before);
  });

  it('http5xx: an HTTP error with the status, once, then normal again [ARCH]', async () => {
    await f.fault({ target: 'fsi:*', kind: 'http5xx', times: 1 });
    expect(await rejection(f.fsi.call(signInCall))).toMatchObject({ kind: 'http', status: 503 });
    expect((await f.fsi.call(signInCall)).infcode).toBe(0);
  });

  it('malformed: a body that is not JSON is reported as malformed, never as a result [ARCH]', async () => {
    await f.fault({ target: '9001', kind: 'malformed' });
    expect(await rejection(f.fsi.call(signInCall))).toMatchObject({ kind: 'malformed' });
  });

  it('badsig: a wrapper whose output cannot be read is reported as malformed [ARCH]', async () => {
    await f.fault({ target: '9001', kind: 'badsig' });
    const err = await rejection(f.fsi.call(signInCall));
    expect(err).toMatchObject({ kind: 'malformed' });
    expect((err as Error).message).toMatch(/output/);
  });

  it('a rule for one infno leaves the others alone [ARCH]', async () => {
    await f.fault({ target: '1101', kind: 'http5xx' });
    expect((await f.fsi.call(signInCall)).infcode).toBe(0);
  });

  it('network: nobody listening is a network error, distinct from a timeout [ARCH]', async () => {
    const gone = await startFixture();
    const url = gone.sandbox.url;
    await gone.close();
    const client = new FsiClient({ ...f.fsiConfig, baseUrl: url });
    expect(await rejection(client.call(signInCall))).toMatchObject({ kind: 'network' });
  });
});

describe('fault injection on the e-prescription center', () => {
  let f: SandboxFixture;
  let fast: EpcClient;
  const query = () => ({ fixmedinsCode: CONFIG.epc.hospital.fixmedinsCode, hiRxno: 'nothing' });
  beforeAll(async () => {
    f = await startFixture();
    fast = new EpcClient({ ...f.epcConfig, timeoutMs: 400 });
  });
  afterAll(() => f.close());
  afterEach(() => f.clearFaults());

  it('badsig: a reply signed by a key other than the platform key is refused as bad_signature [ARCH]', async () => {
    const { hiRxno } = await f.epc.call<{ hiRxno: string }>('uploadChk', uploadChkData(patient));
    await f.fault({ target: 'epc:hospRxDetlQuery', kind: 'badsig' });
    const err = await rejection(
      f.epc.call('hospRxDetlQuery', { fixmedinsCode: CONFIG.epc.hospital.fixmedinsCode, hiRxno }),
    );
    expect(err).toBeInstanceOf(CenterError);
    expect(err).toMatchObject({ kind: 'bad_signature' });
  });

  it('timeout, http5xx and malformed reach the EPC client as their own kinds [ARCH]', async () => {
    await f.fault({ target: 'epc:*', kind: 'timeout', times: 1 });
    expect(await rejection(fast.call('hospRxDetlQuery', query()))).toMatchObject({
      kind: 'timeout',
    });
    await f.fault({ target: 'epc:hospRxDetlQuery', kind: 'http5xx', times: 1 });
    expect(await rejection(fast.call('hospRxDetlQuery', query()))).toMatchObject({
      kind: 'http',
      status: 503,
    });
    await f.fault({ target: 'epc:hospRxDetlQuery', kind: 'malformed', times: 1 });
    expect(await rejection(fast.call('hospRxDetlQuery', query()))).toMatchObject({
      kind: 'malformed',
    });
    // all used up: the center answers again (here: a business refusal, not found)
    expect(await rejection(fast.call('hospRxDetlQuery', query()))).toMatchObject({
      kind: 'business',
      infcode: 2004,
    });
  });

  it('an EPC rule does not touch the FSI gateway [ARCH]', async () => {
    await f.fault({ target: 'epc:*', kind: 'http5xx' });
    expect((await f.fsi.call(signInCall)).infcode).toBe(0);
  });
});

describe('sandbox control routes', () => {
  let f: SandboxFixture;
  beforeAll(async () => {
    f = await startFixture();
  });
  afterAll(() => f.close());

  it('reports health with the active fault rules, and clears them [ARCH]', async () => {
    await f.fault({ target: '9001', kind: 'delay', delayMs: 10, times: 2 });
    const health = (await (await fetch(`${f.sandbox.url}/x/sandbox/health`)).json()) as {
      status: string;
      patients: number;
      faults: Array<{ target: string; remaining: number }>;
    };
    expect(health.status).toBe('ok');
    expect(health.patients).toBe(DEMO_PATIENTS.length);
    expect(health.faults).toMatchObject([{ target: 'fsi:9001', kind: 'delay', remaining: 2 }]);
    const cleared = (await (
      await fetch(`${f.sandbox.url}/x/sandbox/faults`, { method: 'DELETE' })
    ).json()) as {
      cleared: number;
    };
    expect(cleared.cleared).toBe(1);
  });

  it('refuses invalid fault rules with a Chinese reason [ARCH]', async () => {
    for (const rule of [
      { target: '9001', kind: 'explode' },
      { target: '9001', kind: 'delay' },
      { target: 'fsi:../x', kind: 'timeout' },
      { target: '9001', kind: 'malformed', phase: 'before' },
    ]) {
      const res = await f.fault(rule);
      expect(res.status).toBe(400);
      expect(((await res.json()) as { message: string }).message).toMatch(/^故障规则无效/);
    }
  });

  it('answers control routes only to loopback Host names (no DNS rebinding) [ARCH]', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(
        {
          host: '127.0.0.1',
          port: f.sandbox.port,
          path: '/x/sandbox/faults',
          method: 'DELETE',
          headers: { host: `evil.example:${f.sandbox.port}` },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(403);
    const cross = await fetch(`${f.sandbox.url}/x/sandbox/health`, {
      headers: { origin: 'http://evil.example' },
    });
    expect(cross.status).toBe(403);
  });

  it('close() releases requests held by a timeout fault at once [ARCH]', async () => {
    const g = await startFixture(20_000);
    await g.fault({ target: 'fsi:*', kind: 'timeout' });
    const pending = rejection(g.fsi.call(signInCall));
    await new Promise((r) => setTimeout(r, 100));
    const started = Date.now();
    await g.close();
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(await pending).toMatchObject({ kind: 'network' });
  });
});
