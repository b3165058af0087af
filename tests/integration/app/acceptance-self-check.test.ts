import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract } from '../../../src/contract/contract';
import type { MethodPolicy } from '../../../src/contract/method-policy';
import type { ReportExportResult } from '../../../src/contract/types-reports';
import { SELF_CHECK_ITEMS } from '../../../src/domain/acceptance/self-check-items';
import { DEMO_STAFF } from '../../../src/store/demo-staff';
import { type Harness, startHarness } from '../../support/app-harness';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const CHECKLIST = Array.from(
  { length: 13 },
  (_, i) => `ST-EPC-02-${String(i + 1).padStart(3, '0')}`,
);
const pharmacist = DEMO_STAFF.find((s) => s.role === 'pharmacist');
const cashier = DEMO_STAFF.find((s) => s.role === 'cashier');
if (!pharmacist || !cashier) throw new Error('demo staff missing');

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir)).flatMap((name) => {
    const rel = path.join(dir, name);
    if (statSync(path.join(ROOT, rel)).isDirectory()) return sourceFiles(rel);
    return /\.tsx?$/.test(name) ? [rel] : [];
  });
}

describe('接入验收自查表 and no internet channel, over HTTP [ST-EPC-02-013]', () => {
  let h: Harness;
  let token: string;
  const login = async (s: { username: string; password: string }) => {
    const r = await h.api<{ token: string }>('auth.login', {
      username: s.username,
      password: s.password,
    });
    return r.value?.token ?? '';
  };
  const exported = async (format: 'pdf' | 'csv') => {
    const r = await h.api<ReportExportResult>('reports.acceptanceSelfCheck', { format }, token);
    expect(r.ok, r.error?.message).toBe(true);
    return r.value as ReportExportResult;
  };

  beforeAll(async () => {
    h = await startHarness();
    token = await login(pharmacist);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('the A4 PDF lists every item with what the app provides and where; 013 is 暂不验收 with its remark, the others 具备 [ST-EPC-02-013][ST-EPC-02-001][ST-EPC-02-002][ST-EPC-02-003][ST-EPC-02-004][ST-EPC-02-005][ST-EPC-02-006][ST-EPC-02-007][ST-EPC-02-008][ST-EPC-02-009][ST-EPC-02-010][ST-EPC-02-011][ST-EPC-02-012]', async () => {
    const pdf = await exported('pdf');
    const bytes = Buffer.from(pdf.base64, 'base64');
    expect(readFileSync(pdf.path)).toEqual(bytes);
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'self-check-')), pdf.fileName);
    writeFileSync(file, bytes);
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(
      /Page size:\s+595(\.\d+)? x 842/,
    );
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(
      /\s+/g,
      '',
    );
    expect(text).toContain('接入验收自查表');
    expect(SELF_CHECK_ITEMS.map((i) => i.id)).toEqual(CHECKLIST);
    for (const i of SELF_CHECK_ITEMS) {
      expect(text).toContain(`${i.id}${i.item}【${i.status}】`);
      expect(text).toContain(i.where.replace(/\s+/g, ''));
    }
    expect(text).toContain('ST-EPC-02-013处方流转互联网渠道应用【暂不验收】');
    expect(text).toContain('情况反馈说明：未申请和建设渠道应用');
    expect(SELF_CHECK_ITEMS.filter((i) => i.status === '暂不验收').map((i) => i.id)).toEqual([
      'ST-EPC-02-013',
    ]);
  });

  it('the CSV has one row per item with status, provision, place and remark; a cashier may not export it [ST-EPC-02-013][R-KEEP]', async () => {
    const csv = await exported('csv');
    const text = Buffer.from(csv.base64, 'base64')
      .toString('utf8')
      .replace(/^\uFEFF/, '');
    const rows = text.trim().split('\r\n').slice(2);
    expect(rows.map((r) => r.split(',')[0])).toEqual(CHECKLIST);
    expect(rows.at(-1)).toMatch(
      /^ST-EPC-02-013,处方流转互联网渠道应用,暂不验收,.*,未申请和建设渠道应用$/,
    );
    const other = await login(cashier);
    const refused = await h.api('reports.acceptanceSelfCheck', { format: 'csv' }, other);
    expect(refused.error?.code).toBe('FORBIDDEN');
  });

  it('the counter serves no internet-channel endpoint: its HTTP host answers only /api/ on loopback, nothing else in the app listens, and without a staff session only log-in, set-up, app info and the screen’s own error log answer [ST-EPC-02-013][ST-EPC-02-003]', async () => {
    const host = readFileSync(path.join(ROOT, 'src/host/server.ts'), 'utf8');
    expect([...host.matchAll(/url\.startsWith\('([^']+)'\)/g)].map((m) => m[1])).toEqual(['/api/']);
    expect(host).toContain("listen(opts.port, '127.0.0.1'");
    const listeners = sourceFiles('src')
      .filter((f) => !f.startsWith('src/sandbox/'))
      .filter((f) => /\bcreateServer\(|\.listen\(/.test(readFileSync(path.join(ROOT, f), 'utf8')));
    // the store server is the pharmacy's own server for its counters (signed counters only); the
    // head office's report server is a chain's own, read-only, for its registered readers (D58)
    expect(listeners.sort()).toEqual([
      'src/head-office/report-server.ts',
      'src/host/server.ts',
      'src/store-server/server.ts',
    ]);
    const open = Object.entries(contract as Record<string, MethodPolicy>)
      .filter(([, p]) => !p.auth)
      .map(([m]) => m);
    expect(
      open.every((m) => /^(auth\.login|app\.info|log\.rendererError|setup\.)/.test(m)),
      open.join(),
    ).toBe(true);

    expect(new URL(h.appUrl).hostname).toBe('127.0.0.1');
    const rx = await fetch(`${h.appUrl}/api/rx.find`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ by: 'qr', qr: 'EPCQR01X' }),
    });
    expect(((await rx.json()) as { ok: boolean }).ok).toBe(false);
    const channel = await fetch(`${h.appUrl}/epc/api/fixmedins/rxChnlQuery`, { method: 'POST' });
    expect(channel.status).toBe(405);
    // fetch may not set Host: a raw request, as another machine naming the counter would send
    const foreign = await new Promise<number>((resolve, reject) => {
      const u = new URL(h.appUrl);
      const req = request(
        {
          host: u.hostname,
          port: u.port,
          path: '/api/app.info',
          method: 'POST',
          headers: { host: 'pharmacy.example.com', 'content-type': 'application/json' },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.end('{}');
    });
    expect(foreign).toBe(403);
  });
});
