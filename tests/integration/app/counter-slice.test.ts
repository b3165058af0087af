import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PATIENTS } from '../../../src/sandbox/seed-data';
import { DEMO_STAFF } from '../../../src/store/demo-staff';
import { type Harness, startHarness } from '../../support/app-harness';

const pharmacist = DEMO_STAFF.find((s) => s.role === 'pharmacist');
const patient = DEMO_PATIENTS[0];
if (!pharmacist || !patient) throw new Error('demo data missing');

describe('first slice: log-in, 9001 sign-in, 1101 patient lookup over HTTP', () => {
  let h: Harness;
  let token: string;

  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  it('tells the renderer it talks to the sandbox center [ARCH]', async () => {
    const r = await h.api<{ sandbox: boolean; pharmacy: { code: string } }>('app.info', {});
    expect(r.ok).toBe(true);
    expect(r.value?.sandbox).toBe(true);
    expect(r.value?.pharmacy.code).toHaveLength(12);
  });

  it('refuses a wrong password in Chinese without saying which part was wrong [ARCH]', async () => {
    const r = await h.api('auth.login', {
      username: pharmacist.username,
      password: 'wrong-password',
    });
    expect(r.ok).toBe(false);
    expect(r.error).toMatchObject({ code: 'UNAUTHENTICATED', message: '用户名或密码错误' });
  });

  it('five wrong passwords in a row lock the name for 15 minutes, even against the right one; an unknown name gets the same answers; the lock survives a restart', async () => {
    const cashier = DEMO_STAFF.find((s) => s.role === 'cashier');
    if (!cashier) throw new Error('demo data missing');
    const attempt = (username: string, password: string) =>
      h.api('auth.login', { username, password });
    const answers = async (username: string) => {
      const out: string[] = [];
      for (let i = 0; i < 6; i += 1)
        out.push((await attempt(username, `nope-${i}`)).error?.message ?? 'ok');
      return out;
    };
    const known = await answers(cashier.username);
    const unknown = await answers('nobody-here');
    expect(known.slice(0, 4)).toEqual(Array(4).fill('用户名或密码错误'));
    expect(known[4]).toMatch(/已暂时锁定，请 15 分钟后再试/);
    expect(unknown).toEqual(known);
    const right = await attempt(cashier.username, cashier.password);
    expect(right.error).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(right.error?.message).toMatch(/已暂时锁定/);

    await h.restartCounter();
    expect((await attempt(cashier.username, cashier.password)).error?.message).toMatch(
      /已暂时锁定/,
    );
    h.services.db
      .prepare('UPDATE login_failures SET locked_until = 1 WHERE username = ?')
      .run(cashier.username);
    const after = await attempt(cashier.username, cashier.password);
    expect(after.ok, after.error?.message).toBe(true);
    expect(
      h.services.db
        .prepare('SELECT count(*) FROM login_failures WHERE username = ?')
        .pluck()
        .get(cashier.username),
    ).toBe(0);
  });

  it('logs in and signs in to the center directly (9001) [ARCH][ST-EPC-02-003]', async () => {
    const r = await h.api<{
      token: string;
      staff: { roleLabel: string };
      center: { signNo: string | null };
    }>('auth.login', { username: pharmacist.username, password: pharmacist.password });
    expect(r.ok).toBe(true);
    expect(r.value?.staff.roleLabel).toBe('执业药师');
    expect(r.value?.center.signNo).toMatch(/\S+/);
    token = r.value?.token ?? '';
  });

  it('finds the insured person by e-voucher token, ID number masked [R-AUTH][ST-EPC-02-001][ST-EPC-02-005]', async () => {
    const r = await h.api<{ name: string; certnoMasked: string; insutypes: unknown[] }>(
      'patient.lookup',
      { certType: '01', certNo: patient.ecToken },
      token,
    );
    expect(r.ok).toBe(true);
    expect(r.value?.name).toBe(patient.name);
    expect(r.value?.certnoMasked).toBe(
      `${patient.certno.slice(0, 4)}**********${patient.certno.slice(-4)}`,
    );
    expect(JSON.stringify(r.value)).not.toContain(patient.certno);
    expect(r.value?.insutypes.length).toBeGreaterThan(0);
  });

  it('finds the insured person by ID card and by social-security card with card_sn [R-AUTH][ST-EPC-02-005]', async () => {
    const byId = await h.api<{ name: string }>(
      'patient.lookup',
      { certType: '02', certNo: patient.certno },
      token,
    );
    expect(byId.value?.name).toBe(patient.name);
    const byCard = await h.api<{ name: string }>(
      'patient.lookup',
      { certType: '03', certNo: patient.cardNo, cardSn: patient.cardSn },
      token,
    );
    expect(byCard.value?.name).toBe(patient.name);
  });

  it('asks for card_sn with a social-security card [R-AUTH][ST-EPC-02-005]', async () => {
    const r = await h.api('patient.lookup', { certType: '03', certNo: patient.cardNo }, token);
    expect(r.error).toMatchObject({ code: 'VALIDATION', ruleId: 'R-AUTH' });
  });

  it('answers an unknown e-voucher token with a Chinese refusal citing R-AUTH [R-AUTH][ST-EPC-02-001]', async () => {
    const r = await h.api(
      'patient.lookup',
      { certType: '01', certNo: '500000ec0000000000000000000000unknown' },
      token,
    );
    expect(r.ok).toBe(false);
    expect(r.error?.code).toBe('CENTER_REJECTED');
    expect(r.error?.ruleId).toBe('R-AUTH');
    expect(r.error?.message).toMatch(/查询参保人失败/);
    expect(r.error?.citation).toContain('ST-EPC-02-001');
  });

  it('refuses calls without a session and input outside the contract [ARCH]', async () => {
    expect(
      (await h.api('patient.lookup', { certType: '01', certNo: patient.ecToken })).error?.code,
    ).toBe('UNAUTHENTICATED');
    expect(
      (await h.api('patient.lookup', { certType: '09', certNo: 'x' }, token)).error?.code,
    ).toBe('VALIDATION');
    expect(
      (await h.api('patient.lookup', { certType: '01', certNo: 'abc\u0007def' }, token)).error
        ?.code,
    ).toBe('VALIDATION');
    expect(
      (await h.api('patient.lookup', { certType: '01', certNo: 'a', extra: 1 }, token)).error?.code,
    ).toBe('VALIDATION');
    expect((await h.api('no.such', {}, token)).error?.code).toBe('NOT_FOUND');
  });

  it('says plainly when the center times out, then works again [ARCH]', async () => {
    await h.fault({ target: '1101', kind: 'timeout' });
    const r = await h.api('patient.lookup', { certType: '01', certNo: patient.ecToken }, token);
    expect(r.error?.code).toBe('CENTER_UNREACHABLE');
    expect(r.error?.message).toMatch(/超时/);
    await h.clearFaults();
    const again = await h.api<{ name: string }>(
      'patient.lookup',
      { certType: '01', certNo: patient.ecToken },
      token,
    );
    expect(again.value?.name).toBe(patient.name);
  });

  it('reports a malformed center reply as unusable, not as a patient [ARCH]', async () => {
    await h.fault({ target: '1101', kind: 'malformed', times: 1 });
    const r = await h.api('patient.lookup', { certType: '01', certNo: patient.ecToken }, token);
    expect(r.error?.code).toBe('CENTER_BAD_REPLY');
    await h.clearFaults();
  });

  it('queues the 9002 sign-out in the outbox and delivers it exactly once [ARCH]', async () => {
    await h.services.worker.stop();
    await h.fault({ target: '9002', kind: 'http5xx', times: 1 });
    expect((await h.api('auth.logout', {}, token)).ok).toBe(true);
    expect(h.services.outbox.status(Date.now()).pending).toBe(1);
    const first = await h.services.worker.drainOnce();
    expect(first.retried).toBe(1);
    const [item] = h.services.outbox.list({});
    expect(item?.attempts).toBe(1);
    // make the retry due now, then deliver
    h.services.db.prepare('UPDATE outbox SET next_attempt_at = 0').run();
    const second = await h.services.worker.drainOnce();
    expect(second.delivered).toBe(1);
    expect(h.services.outbox.status(Date.now())).toMatchObject({ pending: 0, delivered: 1 });
    expect((await h.api('auth.session', {}, token)).error?.code).toBe('UNAUTHENTICATED');
  });
});

describe('browser-mode host boundary', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  it('refuses other origins and foreign Host headers (DNS rebinding) [ARCH]', async () => {
    const cross = await fetch(`${h.appUrl}/api/app.info`, {
      method: 'POST',
      headers: { origin: 'http://evil.example', 'content-type': 'application/json' },
      body: '{}',
    });
    expect(cross.status).toBe(403);
    const port = new URL(h.appUrl).port;
    const rebinding = await new Promise<number>((resolve, reject) => {
      import('node:http').then(({ request }) => {
        const req = request(
          {
            host: '127.0.0.1',
            port,
            path: '/api/app.info',
            method: 'POST',
            headers: { host: `evil.example:${port}` },
          },
          (res) => resolve(res.statusCode ?? 0),
        );
        req.on('error', reject);
        req.end('{}');
      });
    });
    expect(rebinding).toBe(403);
  });

  it('rejects bad JSON, oversized bodies and GET on the API, with the CSP on every answer [ARCH]', async () => {
    const bad = await fetch(`${h.appUrl}/api/app.info`, { method: 'POST', body: '{not json' });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-security-policy')).toContain("default-src 'self'");
    const big = await fetch(`${h.appUrl}/api/app.info`, {
      method: 'POST',
      body: 'x'.repeat(300 * 1024),
    }).catch(() => null);
    expect(big === null || big.status === 413).toBe(true);
    expect((await fetch(`${h.appUrl}/api/app.info`)).status).toBe(405);
  });
});
