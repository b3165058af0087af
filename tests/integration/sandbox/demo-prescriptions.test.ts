import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PRESCRIPTIONS } from '../../../src/sandbox/hospital/demo-prescriptions';
import { type SandboxFixture, startFixture } from './helpers';

describe('first-start demo prescriptions and the hospital page', () => {
  let f: SandboxFixture;
  beforeAll(async () => {
    f = await startFixture(10_000, { demoPrescriptions: true });
  });
  afterAll(() => f.close());

  it('creates every demo prescription through the real path, with the trace codes docs/sandbox.md lists [ARCH][R-STATUS]', () => {
    const rows = f.sandbox.db
      .prepare(
        'SELECT hi_rxno, rx_trace_code, rx_stas_codg FROM epc_prescriptions ORDER BY hi_rxno',
      )
      .all() as { hi_rxno: string; rx_trace_code: string; rx_stas_codg: string }[];
    expect(rows).toHaveLength(DEMO_PRESCRIPTIONS.length);
    const byCounter = [...rows].sort((a, b) =>
      a.hi_rxno.slice(-10).localeCompare(b.hi_rxno.slice(-10)),
    );
    expect(byCounter[0]?.rx_trace_code).toBe('1C244QD8HX5AU593CZ5H');
    expect(byCounter[6]).toMatchObject({
      rx_trace_code: 'QSQY80KXR1TUW8389H7Q',
      rx_stas_codg: '5',
    });
    expect(byCounter.filter((r) => r.rx_stas_codg === '1')).toHaveLength(
      DEMO_PRESCRIPTIONS.length - 1,
    );
  });

  it('serves the hospital page (loopback only) with QR strings, masked names and revoke buttons [ARCH]', async () => {
    const html = await fetch(`${f.sandbox.url}/x/hospital`).then((r) => r.text());
    expect(html).toContain('沙箱医院 · 电子处方');
    expect(html).toContain('EPCQR011C244QD8HX5AU593CZ5H');
    expect(html).toContain('张*');
    expect(html).not.toContain('500103197803151238');
    const form = new URLSearchParams({ patient: '50000000000000000001', hospital: 'H50010300001' });
    form.append('drug', 'XA10BAA115A001010104107');
    const res = await fetch(`${f.sandbox.url}/x/hospital/create`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
      redirect: 'manual',
    });
    expect(res.status).toBe(303);
    expect(decodeURIComponent(res.headers.get('location') ?? '')).toMatch(
      /已开具处方 \d{30}，二维码 EPCQR01[0-9A-Z]{20}/,
    );
  });
});
