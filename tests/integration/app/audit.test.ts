import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../src/center/rx/canonical-json';
import type { PrescriptionView, RxCandidate } from '../../../src/contract/types';
import type { AuditListView, AuditVerifyView } from '../../../src/contract/types-audit';
import type { PaperView } from '../../../src/contract/types-paper';
import type { AuditOutcome } from '../../../src/domain/audit/audit-entry';
import { createPrescription } from '../../../src/sandbox/hospital/create-prescription';
import { DEMO_PATIENTS } from '../../../src/sandbox/seed-data';
import { sm3AuditHasher } from '../../../src/services/audit/audit-hasher';
import { DEMO_STAFF } from '../../../src/store/demo-staff';
import { type Harness, startHarness } from '../../support/app-harness';
import { fakePng, paperFields } from '../../support/paper-fixtures';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const AMLODIPINE = 'XC08CAA010A001010201587';
const pharmacist = DEMO_STAFF.find((s) => s.role === 'pharmacist');
const admin = DEMO_STAFF.find((s) => s.role === 'admin');
const cashier = DEMO_STAFF.find((s) => s.role === 'cashier');
const zhang = DEMO_PATIENTS[0];
const ownVoucher = DEMO_PATIENTS.find((p) => p.certno === pharmacist?.certno)?.ecToken ?? '';
if (!pharmacist || !admin || !cashier || !zhang || !ownVoucher)
  throw new Error('demo data missing');

function cli(dataDir: string, ...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 30_000,
    env: { ...process.env, EPC_DATA_DIR: dataDir },
  });
}

/** A second counter with a fresh chain (so earlier damage does not mask a test's own), an administrator signed in. */
async function withFreshCounter(
  body: (other: Harness, token: string | undefined) => Promise<void>,
): Promise<void> {
  const other = await startHarness();
  try {
    const token = (
      await other.api<{ token: string }>('auth.login', {
        username: admin?.username,
        password: admin?.password,
      })
    ).value?.token;
    await body(other, token);
  } finally {
    await other.close();
  }
}

describe('tamper-evident audit trail over HTTP', () => {
  let h: Harness;
  let dataDir: string;
  let pharmacistToken: string;
  let adminToken: string;
  let hiRxno: string;

  const login = async (u: { username: string; password: string }) =>
    (await h.api<{ token: string }>('auth.login', { username: u.username, password: u.password }))
      .value?.token ?? '';
  const entries = async () =>
    (
      await h.api<AuditListView>(
        'audit.list',
        { from: '2000-01-01', to: '2100-01-01', pageSize: 200 },
        adminToken,
      )
    ).value?.entries ?? [];
  const verify = async () => {
    const r = await h.api<AuditVerifyView>('audit.verify', {}, adminToken);
    expect(r.ok, r.error?.message).toBe(true);
    return r.value as AuditVerifyView;
  };
  /** The counter's database file opened behind the app's back, as an attacker would. */
  const tamper = (sql: string) => {
    const db = new Database(path.join(dataDir, 'counter.db'));
    try {
      db.exec(sql);
    } finally {
      db.close();
    }
  };

  beforeAll(async () => {
    h = await startHarness();
    dataDir = h.services.config.dataDir;
  });
  afterAll(async () => {
    await h.close();
  });

  it('log-ins (failed and successful), a review, a region change and an export each appear once, masked [R-KEEP]', async () => {
    const failed = await h.api('auth.login', {
      username: pharmacist.username,
      password: 'wrong-pass',
    });
    expect(failed.error?.code).toBe('UNAUTHENTICATED');
    pharmacistToken = await login(pharmacist);
    adminToken = await login(admin);

    expect((await h.api('shift.open', {}, pharmacistToken)).ok).toBe(true);
    const rx = await createPrescription(
      { baseUrl: h.sandboxUrl },
      { patient: zhang, drugs: [AMLODIPINE] },
    );
    hiRxno = rx.hiRxno;
    const found = await h.api<RxCandidate[]>('rx.find', { by: 'qr', qr: rx.qr }, pharmacistToken);
    const got = await h.api<PrescriptionView>(
      'rx.download',
      found.value?.[0]?.ticket,
      pharmacistToken,
    );
    expect(got.ok, got.error?.message).toBe(true);
    const review = await h.api(
      'review.submit',
      { hiRxno, result: 'pass', opinion: '处方合理，用法用量适宜', ecToken: ownVoucher },
      pharmacistToken,
    );
    expect(review.ok, review.error?.message).toBe(true);

    const refused = await h.api('settings.setRegion', { regionId: '441900' }, pharmacistToken);
    expect(refused.error?.code).toBe('FORBIDDEN');
    expect((await h.api('settings.setRegion', { regionId: '441900' }, adminToken)).ok).toBe(true);

    const exported = cli(
      dataDir,
      'scripts/rx.ts',
      'export',
      hiRxno,
      '--out',
      path.join(dataDir, 'x.rx.json'),
    );
    expect(exported.status, exported.stderr).toBe(0);

    const list = await entries();
    const rows = list.map((e) => [e.action, e.outcome, e.username, e.subject]);
    const once = (row: unknown[]) =>
      expect(rows.filter((r) => JSON.stringify(r) === JSON.stringify(row))).toHaveLength(1);
    once(['auth.login', 'refused', pharmacist.username, null]);
    once(['auth.login', 'ok', pharmacist.username, null]);
    once(['auth.login', 'ok', admin.username, null]);
    expect(rows.filter((r) => r[0] === 'shift.open' && r[2] === pharmacist.username)).toHaveLength(
      1,
    );
    once(['review.pass', 'ok', pharmacist.username, hiRxno]);
    once(['settings.region', 'refused', pharmacist.username, '441900']);
    once(['settings.region', 'ok', admin.username, '441900']);
    expect(rows.filter((r) => r[0] === 'rx.export')).toEqual([
      ['rx.export', 'ok', expect.stringMatching(/^命令行:/), hiRxno],
    ]);
    const text = JSON.stringify(list);
    for (const secret of ['wrong-pass', ownVoucher, zhang.certno, zhang.name, pharmacistToken])
      expect(text).not.toContain(secret);
    // A region change records the pack it replaced as well as the new one [R-REGION].
    expect(
      list.find((e) => e.action === 'settings.region' && e.outcome === 'ok')?.detail,
    ).toMatchObject({ regionId: '441900', previousRegionId: '500000' });
    expect(
      list.find((e) => e.action === 'settings.region' && e.outcome === 'refused')?.detail,
    ).toMatchObject({
      error: { code: 'FORBIDDEN', ruleId: 'R-REGION' },
    });
    expect((await verify()).verdict).toMatch(/^审计链完整：共 \d+ 条/);
    const cashierToken = await login(cashier);
    expect((await h.api('audit.verify', {}, cashierToken)).error).toMatchObject({
      code: 'FORBIDDEN',
      ruleId: 'R-KEEP',
    });
  });

  it('reads of personal data, paper-archive reads, paper dispensing starts and the scanner folder are recorded, masked [R-KEEP][R-PAPER-KEEP]', async () => {
    const looked = await h.api(
      'patient.lookup',
      { certType: '01', certNo: zhang.ecToken },
      pharmacistToken,
    );
    expect(looked.ok, looked.error?.message).toBe(true);
    await h.api('paper.search', { patientCertno: zhang.certno }, pharmacistToken);
    expect((await h.api('settings.setRegion', { regionId: '500000' }, adminToken)).ok).toBe(true);
    const paper = await h.api<PaperView>(
      'paper.capture',
      {
        ...paperFields({ patientName: zhang.name, patientCertno: zhang.certno }),
        imageBase64: fakePng().toString('base64'),
      },
      pharmacistToken,
    );
    expect(paper.ok, paper.error?.message).toBe(true);
    const id = paper.value?.id ?? 0;
    expect((await h.api('paper.get', { id }, pharmacistToken)).ok).toBe(true);
    expect((await h.api('paper.image', { id }, pharmacistToken)).ok).toBe(true);
    const started = await h.api('dispense.startPaper', { paperId: id }, pharmacistToken);
    expect(started.ok, started.error?.message).toBe(true);
    const scans = path.join(dataDir, 'elsewhere');
    mkdirSync(scans);
    const moved = await h.api('paper.setScanFolder', { folder: scans }, adminToken);
    expect(moved.ok, moved.error?.message).toBe(true);

    const list = await entries();
    const byAction = (action: string) => list.filter((e) => e.action === action);
    expect(byAction('patient.lookup')).toEqual([
      expect.objectContaining({ outcome: 'ok', username: pharmacist.username }),
    ]);
    expect(byAction('patient.lookup')[0]?.subject).toMatch(/\S/);
    expect(byAction('rx.find')[0]).toMatchObject({ outcome: 'ok', detail: { by: 'qr', found: 1 } });
    expect(byAction('paper.search')[0]?.detail).toMatchObject({
      criteria: ['patientCertno'],
    });
    for (const action of ['paper.view', 'paper.imageView', 'dispense.startPaper']) {
      expect(byAction(action), action).toEqual([
        expect.objectContaining({ subject: `纸质#${id}`, username: pharmacist.username }),
      ]);
    }
    expect(byAction('settings.scanFolder')).toEqual([
      expect.objectContaining({
        outcome: 'ok',
        username: admin.username,
        detail: expect.objectContaining({ folder: scans, isDefault: false }),
      }),
    ]);
    const text = JSON.stringify(list);
    for (const secret of [zhang.ecToken, zhang.certno, zhang.name])
      expect(text).not.toContain(secret);
    expect((await verify()).verdict).toMatch(/^审计链完整/);
  });

  it('a row edited behind the dropped trigger is reported at its seq by audit.verify and by the CLI [R-KEEP]', async () => {
    const target = (await entries()).find((e) => e.action === 'review.pass');
    if (!target) throw new Error('review entry missing');
    tamper(
      `DROP TRIGGER audit_log_no_update;
       UPDATE audit_log SET detail = json_set(detail, '$.result', 'reject') WHERE seq = ${target.seq}`,
    );
    const v = await verify();
    expect(v.ok).toBe(false);
    expect(v.firstBroken).toEqual({
      seq: target.seq,
      reason: `第 ${target.seq} 条的内容与其摘要不符：记录被改动`,
    });
    const r = cli(dataDir, 'scripts/audit.ts', 'verify', '--data', dataDir);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe(
      `审计链被破坏：第 ${target.seq} 条的内容与其摘要不符：记录被改动（共 ${v.entries + 1} 条）\n`,
    );
    // the attacker puts it back: intact again (the chain judges content, not history)
    tamper(
      `UPDATE audit_log SET detail = json_set(detail, '$.result', 'pass') WHERE seq = ${target.seq}`,
    );
    expect((await verify()).ok).toBe(true);
  });

  it('a deleted middle row is reported as missing [R-KEEP]', async () => {
    const middle = (await entries()).find(
      (e) => e.action === 'settings.region' && e.outcome === 'refused',
    );
    if (!middle) throw new Error('region entry missing');
    tamper(`DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE seq = ${middle.seq}`);
    const v = await verify();
    expect(v.firstBroken).toEqual({
      seq: middle.seq,
      reason: `缺少第 ${middle.seq} 条：记录被删除`,
    });
    const r = cli(dataDir, 'scripts/audit.ts', 'verify');
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(`缺少第 ${middle.seq} 条`);
  });

  it('a whole-folder rewrite (chain and anchor recomputed) passes the local check but not the printed slip [R-KEEP]', async () => {
    await withFreshCounter(async (other, token) => {
      await other.api('settings.setRegion', { regionId: '441900' }, token);
      const first = (await other.api<AuditVerifyView>('audit.verify', {}, token)).value;
      if (!first?.head) throw new Error('no head');
      const slip = `${first.head.seq}:${first.head.hash}`;
      await other.api('settings.setRegion', { regionId: '500000' }, token);

      // The attacker rewrites entry 2 and re-links everything after it, anchor included.
      const dir = other.services.config.dataDir;
      const db = new Database(path.join(dir, 'counter.db'));
      const rows = db.prepare('SELECT * FROM audit_log ORDER BY seq').all() as Array<
        Record<string, unknown> & { seq: number; detail: string; hash: string }
      >;
      db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_append_only');
      let prevHash = '0'.repeat(64);
      for (const r of rows) {
        const detail =
          r.seq === 2 ? JSON.stringify({ ...JSON.parse(r.detail), regionId: '000000' }) : r.detail;
        const entry = {
          seq: r.seq,
          at: r.at as number,
          staffId: r.staff_id as number | null,
          username: r.username as string | null,
          action: r.action as string,
          outcome: r.outcome as AuditOutcome,
          subject: r.subject as string | null,
          detail: JSON.parse(detail) as Record<string, unknown>,
        };
        const hash = sm3AuditHasher(prevHash, entry);
        db.prepare('UPDATE audit_log SET detail = ?, prev_hash = ?, hash = ? WHERE seq = ?').run(
          canonicalJson(entry.detail),
          prevHash,
          hash,
          r.seq,
        );
        prevHash = hash;
      }
      db.close();
      const last = rows.at(-1);
      writeFileSync(
        path.join(dir, 'audit-anchor.json'),
        JSON.stringify({ seq: last?.seq, hash: prevHash, at: Date.now() }),
      );

      const local = (await other.api<AuditVerifyView>('audit.verify', {}, token)).value;
      expect(local?.ok).toBe(true);
      const withSlip = (await other.api<AuditVerifyView>('audit.verify', { witness: slip }, token))
        .value;
      expect(withSlip).toMatchObject({
        ok: false,
        witness: { seq: first.head.seq, status: 'mismatch' },
      });
      expect(withSlip?.verdict).toContain(`第 ${first.head.seq} 条的摘要与凭条不符`);
      const r = cli(dir, 'scripts/audit.ts', 'verify', '--data', dir, '--witness', slip);
      expect(r.status).toBe(1);
      expect(r.stdout).toContain('与凭条不符');

      const bad = await other.api('audit.verify', { witness: '12:abc' }, token);
      expect(bad.error).toMatchObject({ code: 'VALIDATION' });
      expect(bad.error?.message).toContain('凭条格式');
      expect(cli(dir, 'scripts/audit.ts', 'verify', '--data', dir, '--witness', 'x').status).toBe(
        2,
      );
    });
  });

  it('the slip of an untouched chain matches, from the API and the CLI [R-KEEP]', async () => {
    await withFreshCounter(async (other, token) => {
      const first = (await other.api<AuditVerifyView>('audit.verify', {}, token)).value;
      if (!first?.head) throw new Error('no head');
      const slip = `${first.head.seq}:${first.head.hash}`;
      const v = (await other.api<AuditVerifyView>('audit.verify', { witness: slip }, token)).value;
      expect(v).toMatchObject({ ok: true, witness: { status: 'ok' } });
      expect(v?.verdict).toContain(`第 ${first.head.seq} 条与凭条一致`);
      const dir = other.services.config.dataDir;
      const r = cli(dir, 'scripts/audit.ts', 'verify', '--data', dir, '--witness', slip);
      expect(r.status).toBe(0);
      expect(r.stdout).toContain('与凭条一致');
    });
  });

  it('a cut-off tail is caught by the anchor, and stays on record after later appends [R-KEEP]', async () => {
    await withFreshCounter(async (other, token) => {
      await other.api('settings.setRegion', { regionId: '441900' }, token);
      await other.api('settings.setRegion', { regionId: '500000' }, token);
      const dir = other.services.config.dataDir;
      const db = new Database(path.join(dir, 'counter.db'));
      db.exec('DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE seq > 1');
      db.close();
      const v = (await other.api<AuditVerifyView>('audit.verify', {}, token)).value;
      expect(v).toMatchObject({
        ok: false,
        firstBroken: null,
        anchor: { status: 'truncated', seq: 3 },
      });
      expect(v?.verdict).toContain('锚点记录到第 3 条，审计链只到第 1 条：链尾被截断');
      const r = cli(dir, 'scripts/audit.ts', 'verify', '--data', dir);
      expect(r.status).toBe(1);
      expect(r.stdout).toContain('链尾被截断');
      const after = (await other.api<AuditVerifyView>('audit.verify', {}, token)).value;
      expect(after?.anchor.status).toBe('ok');
      expect(after?.findings).toEqual([
        { seq: 2, at: expect.any(String), message: expect.stringContaining('链尾被截断') },
      ]);
    });
  });
});
