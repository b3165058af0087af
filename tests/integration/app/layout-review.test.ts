import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Out7203 } from '../../../src/center/rx/fsi-72xx';
import type { PrescriptionView, RxCandidate } from '../../../src/contract/types';
import type { AuditListView } from '../../../src/contract/types-audit';
import type { ReviewStart, ReviewView } from '../../../src/contract/types-review';
import { createPrescription } from '../../../src/sandbox/hospital/create-prescription';
import type { RxView } from '../../../src/sandbox/rx/rx-view';
import { DEMO_PATIENTS } from '../../../src/sandbox/seed-data';
import { DEMO_STAFF } from '../../../src/store/demo-staff';
import { type Harness, startHarness } from '../../support/app-harness';
import {
  chromiumLayoutPdf,
  hospitalForm,
  launchChromium,
  reportlabLayoutPdf,
} from '../../support/layout-pdfs';
import { fixtureRx } from '../../unit/layout/fixture-rx';

const AMLODIPINE = 'XC08CAA010A001010201587';
const pharmacist = DEMO_STAFF.find((s) => s.role === 'pharmacist');
const admin = DEMO_STAFF.find((s) => s.role === 'admin');
const zhang = DEMO_PATIENTS[0];
const ownVoucher = DEMO_PATIENTS.find((p) => p.certno === pharmacist?.certno)?.ecToken ?? '';
if (!pharmacist || !admin || !zhang || !ownVoucher) throw new Error('demo data missing');
const PASS = { result: 'pass', opinion: '处方合理，用法用量适宜', ecToken: ownVoucher } as const;

const asRx = (view: RxView) =>
  view as unknown as Pick<Out7203, 'data' | 'mdtrtinfo' | 'rxdrugdetail'>;

describe('layout files from other tools through download, review and audit [R-LAYOUT][ST-EPC-02-007]', () => {
  let h: Harness;
  let browser: Browser;
  let token: string;
  let adminToken: string;

  const login = async (u: { username: string; password: string }) =>
    (await h.api<{ token: string }>('auth.login', { username: u.username, password: u.password }))
      .value?.token ?? '';
  /** The sandbox hospital issues a prescription whose layout file Chromium printed; the app downloads it. */
  const downloaded = async (render: (view: RxView) => Promise<Buffer>) => {
    const rx = await createPrescription(
      { baseUrl: h.sandboxUrl },
      { patient: zhang, drugs: [AMLODIPINE], renderLayout: render },
    );
    const found = await h.api<RxCandidate[]>('rx.find', { by: 'qr', qr: rx.qr }, token);
    const got = await h.api<PrescriptionView>('rx.download', found.value?.[0]?.ticket, token);
    expect(got.ok, got.error?.message).toBe(true);
    return got.value as PrescriptionView;
  };
  const submit = (hiRxno: string, body: Record<string, unknown>) =>
    h.api<ReviewView>('review.submit', { hiRxno, ...body }, token);
  const reviewRows = (hiRxno: string) =>
    h.services.db.prepare('SELECT * FROM rx_reviews WHERE hi_rxno = ?').all(hiRxno) as Array<
      Record<string, unknown>
    >;

  beforeAll(async () => {
    browser = await launchChromium();
    h = await startHarness();
    token = await login(pharmacist);
    adminToken = await login(admin);
    expect((await h.api('shift.open', {}, token)).ok).toBe(true);
  }, 60_000);
  afterAll(async () => {
    await h?.close();
    await browser?.close();
  });

  it('a ReportLab 处方笺 (embedded TrueType subset) and a two-page one verify field by field end to end [R-LAYOUT]', async () => {
    for (const render of [
      (v: RxView) => Promise.resolve(reportlabLayoutPdf(hospitalForm(asRx(v)))),
      (v: RxView) => chromiumLayoutPdf(browser, hospitalForm(asRx(v)), { twoPages: true }),
    ]) {
      const view = await downloaded(render);
      expect(view.layout.fields.filter((f) => f.outcome !== 'matches')).toEqual([]);
      expect(view.layout.outcome).toBe('matches');
    }
  });

  it('a Chromium-printed 处方笺 verifies field by field and may be passed without confirmation [R-LAYOUT]', async () => {
    const view = await downloaded((v) => chromiumLayoutPdf(browser, hospitalForm(asRx(v))));
    expect(view.layout.fields.filter((f) => f.outcome !== 'matches')).toEqual([]);
    expect(view.layout.outcome).toBe('matches');
    expect(view.reviewable).toBe(true);
    const r = await submit(view.hiRxno, PASS);
    expect(r.ok, r.error?.message).toBe(true);
    expect(r.value?.layoutConfirmation).toBeNull();
  });

  it('one value changed on the layout differs, blocks the pass naming R-LAYOUT, and nothing is stored [R-LAYOUT]', async () => {
    const view = await downloaded((v) =>
      chromiumLayoutPdf(browser, hospitalForm(asRx(v), { quantity1: '9 盒' })),
    );
    expect(view.layout.outcome).toBe('differs');
    expect(view.findings).toContainEqual(
      expect.objectContaining({ ruleId: 'R-LAYOUT', code: 'LAYOUT_MISMATCH', severity: 'block' }),
    );
    expect(view.reviewable).toBe(false);
    const start = await h.api<ReviewStart>('review.start', { hiRxno: view.hiRxno }, token);
    expect(start.value?.canSubmit.pass).toBe(false);
    const r = await submit(view.hiRxno, PASS);
    expect(r.error).toMatchObject({ code: 'POLICY', ruleId: 'R-LAYOUT' });
    expect(r.error?.message).toContain('数量1');
    expect(reviewRows(view.hiRxno)).toEqual([]);
  });

  it('a patient name on the layout file that differs from the data: the review names the field, refuses the pass, and the rejection with its opinion reaches the center [R-LAYOUT][R-OPINION][ST-EPC-02-007]', async () => {
    const view = await downloaded((v) =>
      chromiumLayoutPdf(browser, hospitalForm(asRx(v), { patientName: '李建国' })),
    );
    const differing = view.layout.fields.filter((f) => f.outcome === 'differs');
    expect(differing.map((f) => [f.key, f.inFile])).toEqual([['patnName', '李*国']]);

    const start = await h.api<ReviewStart>('review.start', { hiRxno: view.hiRxno }, token);
    expect(start.value?.canSubmit).toMatchObject({ pass: false, reject: true });
    const pass = await submit(view.hiRxno, PASS);
    expect(pass.error).toMatchObject({ code: 'POLICY', ruleId: 'R-LAYOUT' });
    expect(pass.error?.message).toContain('患者姓名');
    expect(pass.error?.citation).toMatch(/\S/);
    expect(reviewRows(view.hiRxno)).toEqual([]);

    const opinion = '版式文件患者姓名与处方信息不一致，不予调剂，请医院核实';
    const rejected = await submit(view.hiRxno, { ...PASS, result: 'reject', opinion });
    expect(rejected.ok, rejected.error?.message).toBe(true);
    await h.services.worker.sendNow();
    const got = await h.api<ReviewView>('review.get', { hiRxno: view.hiRxno }, token);
    expect(got.value?.upload.state).toBe('delivered');
    const atCenter = h.sandbox.db
      .prepare('SELECT * FROM rx_reviews WHERE hi_rxno = ?')
      .all(view.hiRxno) as Array<Record<string, unknown>>;
    expect(atCenter).toEqual([expect.objectContaining({ rx_chk_opnn: opinion })]);
  });

  it('an image-only layout is unread, never a mismatch: the pass needs every unread group confirmed, recorded in the review and the audit trail [R-LAYOUT][R-KEEP]', async () => {
    const view = await downloaded((v) =>
      chromiumLayoutPdf(browser, hospitalForm(asRx(v)), { image: true }),
    );
    expect(view.layout.outcome).toBe('unread');
    expect(view.layout.fields.some((f) => f.outcome === 'differs')).toBe(false);
    expect(view.findings.filter((f) => f.ruleId === 'R-LAYOUT')).toEqual([
      expect.objectContaining({ code: 'LAYOUT_UNREAD', severity: 'warn' }),
    ]);
    expect(view.reviewable).toBe(true);
    const start = await h.api<ReviewStart>('review.start', { hiRxno: view.hiRxno }, token);
    const groups = start.value?.layoutUnread.map((g) => g.group) ?? [];
    expect(groups).toEqual(['rx', 'patient', 'prescriber', 'drugs']);

    const none = await submit(view.hiRxno, PASS);
    expect(none.error).toMatchObject({ code: 'POLICY', ruleId: 'R-LAYOUT' });
    const some = await submit(view.hiRxno, { ...PASS, layoutConfirmed: ['rx', 'patient'] });
    expect(some.error).toMatchObject({ ruleId: 'R-LAYOUT' });
    expect(some.error?.message).toContain('药品明细');
    expect(reviewRows(view.hiRxno)).toEqual([]);

    const all = await submit(view.hiRxno, { ...PASS, layoutConfirmed: groups });
    expect(all.ok, all.error?.message).toBe(true);
    expect(all.value?.layoutConfirmation).toMatchObject({
      confirmedGroups: ['处方信息', '患者信息', '医师与审核药师', '药品明细'],
      confirmedBy: pharmacist.displayName,
      unread: expect.arrayContaining(['医保处方编号', '药品1']),
    });
    expect(all.value?.layoutConfirmation?.confirmedAt).toMatch(/^\d{4}-\d{2}-\d{2} /);
    const [row] = reviewRows(view.hiRxno);
    expect(JSON.parse(String(row?.layout_confirmed_groups))).toEqual(groups);
    expect(row?.layout_confirmed_at).toEqual(expect.any(Number));

    const audit = await h.api<AuditListView>(
      'audit.list',
      { from: '2000-01-01', to: '2100-01-01', action: 'review.pass', pageSize: 200 },
      adminToken,
    );
    const entry = audit.value?.entries.find((e) => e.subject === view.hiRxno && e.outcome === 'ok');
    expect(entry?.username).toBe(pharmacist.username);
    expect(entry?.detail).toMatchObject({
      layoutConfirmed: groups,
      layoutConfirmedGroups: ['处方信息', '患者信息', '医师与审核药师', '药品明细'],
    });
    const refused = audit.value?.entries.filter(
      (e) => e.subject === view.hiRxno && e.outcome === 'refused',
    );
    expect(refused?.length).toBe(2);
  });

  it('the database refuses a pass with unread layout fields and no confirmation [R-LAYOUT]', () => {
    const [row] = h.services.db
      .prepare("SELECT * FROM rx_reviews WHERE result = 'pass' ORDER BY id LIMIT 1")
      .all() as Array<Record<string, unknown>>;
    expect(row).toBeDefined();
    expect(() =>
      h.services.db
        .prepare(
          `INSERT INTO rx_reviews (hi_rxno, result, stas_codg, opinion, reviewer_id, reviewer_name,
             pharmacist_code, shift_id, identity_check, reviewed_at, upload_msgid, layout_unread)
           VALUES (?, 'pass', ?, 'x', ?, ?, ?, ?, ?, 0, 'M-layout-test', '["药品1"]')`,
        )
        .run(
          row?.hi_rxno,
          row?.stas_codg,
          row?.reviewer_id,
          row?.reviewer_name,
          row?.pharmacist_code,
          row?.shift_id,
          row?.identity_check,
        ),
    ).toThrow(/R-LAYOUT/);
  });

  it("npm run sandbox:rx -- --layout <file.pdf> signs a given PDF as the layout; another prescription's 处方笺 differs, never matches [R-LAYOUT]", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sandbox-rx-layout-'));
    const file = path.join(dir, 'other.pdf');
    fs.writeFileSync(file, reportlabLayoutPdf(hospitalForm(fixtureRx)));
    // Asynchronous: the sandbox answering the CLI runs in this process.
    const r = await promisify(execFile)(
      process.execPath,
      [
        '--import',
        'tsx',
        'src/sandbox/hospital/rx-cli.ts',
        '--patient',
        zhang.name,
        '--drugs',
        AMLODIPINE,
        '--layout',
        file,
        '--url',
        h.sandboxUrl,
      ],
      { cwd: path.resolve(import.meta.dirname, '../../..'), encoding: 'utf8', timeout: 60_000 },
    );
    fs.rmSync(dir, { recursive: true, force: true });
    const qr = /QR\s+(EPCQR01\S+)/.exec(r.stdout)?.[1] ?? '';
    const found = await h.api<RxCandidate[]>('rx.find', { by: 'qr', qr }, token);
    const got = await h.api<PrescriptionView>('rx.download', found.value?.[0]?.ticket, token);
    expect(got.ok, got.error?.message).toBe(true);
    const differs = got.value?.layout.fields
      .filter((f) => f.outcome === 'differs')
      .map((f) => f.key);
    expect(differs).toContain('hiRxno');
    expect(got.value?.layout.outcome).toBe('differs');
  });
});
