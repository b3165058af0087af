import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dateOnly } from '../../../src/center/clock';
import type {
  DailySettlementsReport,
  DaySummary,
  DaySummaryPdf,
  OutboxHealthReport,
} from '../../../src/contract/types-reports';
import type { ShiftStatus } from '../../../src/contract/types-review';
import type { SettlementView, SettlePreview } from '../../../src/contract/types-settlement';
import { maskName } from '../../../src/domain/mask';
import { yuanText } from '../../../src/domain/money';
import { DEMO_PATIENTS } from '../../../src/sandbox/seed-data';
import { DEMO_STAFF } from '../../../src/store/demo-staff';
import { type Harness, startHarness } from '../../support/app-harness';
import { dispensedRx } from '../../support/dispensed-rx';
import { signedInOnDuty } from '../../support/settled-sale';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const AMLODIPINE = 'XC08CAA010A001010201587';
const pharmacist = DEMO_STAFF.find((s) => s.role === 'pharmacist');
const cashier = DEMO_STAFF.find((s) => s.role === 'cashier');
const [zhang, li] = DEMO_PATIENTS;
const ownVoucher = DEMO_PATIENTS.find((p) => p.certno === pharmacist?.certno)?.ecToken ?? '';
if (!pharmacist || !cashier || !zhang || !li || !ownVoucher) throw new Error('demo data missing');

let serial = 730_000;
const codeOf = () => `8020741${String(serial++).padStart(13, '0')}`;

describe('日结汇总 at the day close over HTTP', () => {
  let h: Harness;
  let token: string;
  const today = dateOnly(new Date());

  const ok = async <T>(method: string, input: unknown, as = token): Promise<T> => {
    const r = await h.api<T>(method, input, as);
    expect(r.ok, `${method}: ${r.error?.message}`).toBe(true);
    return r.value as T;
  };
  const dispensed = (patient = zhang) =>
    dispensedRx(h, ok, {
      patient,
      drugs: [{ medListCodg: AMLODIPINE, packs: 1 }],
      ownVoucher,
      codeOf,
    });
  const carried = () =>
    h.services.db.prepare('SELECT count(*) FROM held_carryovers').pluck().get() as number;

  beforeAll(async () => {
    h = await startHarness();
    await h.services.worker.stop();
    token = await signedInOnDuty(h, pharmacist);
  });
  afterAll(async () => {
    await h.close();
  });

  it('shows the 每日结算报表 figures of the day, lists the held dispensing masked, and prints them on an A4 PDF that reads back the same [R-RECON][R-KEEP]', async () => {
    const sold = await dispensed(zhang);
    const p = await ok<SettlePreview>('settle.preview', { dispensingId: sold.dispensingId });
    await ok<SettlementView>('settle.confirm', {
      dispensingId: sold.dispensingId,
      previewId: p.previewId,
    });
    const held = await dispensed(li);

    const summary = await ok<DaySummary>('reports.daySummary', {});
    const report = await ok<DailySettlementsReport>('reports.get', {
      report: 'settlements-daily',
      from: today,
      to: today,
    });
    expect(summary.day).toBe(today);
    expect(summary.settlements.settlements).toBeGreaterThanOrEqual(1);
    expect(summary.settlements).toEqual(report.totals);
    const row = summary.held.find((x) => x.dispensingId === held.dispensingId);
    expect(row).toMatchObject({
      rxnoTail: held.hiRxno.slice(-6),
      patientMasked: maskName(li.name),
      carriedOver: null,
    });
    expect(summary.openHeld).toBe(summary.held.length);
    expect(JSON.stringify(summary)).not.toContain(li.name);
    expect(JSON.stringify(summary)).not.toContain(held.hiRxno);
    // the queue as the 上传队列运行情况 report has it now, each kind named in plain Chinese
    const queue = await ok<OutboxHealthReport>('reports.get', {
      report: 'outbox-health',
      from: today,
      to: today,
    });
    expect(summary.outbox).toEqual(
      queue.byInfno
        .filter((r) => r.pending + r.parked > 0)
        .map((r) => ({ infno: r.infno, name: r.name, waiting: r.pending, parked: r.parked })),
    );
    for (const o of summary.outbox) expect(o.name).toMatch(/[\u4e00-\u9fff]/);

    // the cashier reads it too
    const login = await h.api<{ token: string }>('auth.login', {
      username: cashier.username,
      password: cashier.password,
    });
    const cashierToken = login.value?.token ?? '';
    expect((await ok<DaySummary>('reports.daySummary', {}, cashierToken)).settlements).toEqual(
      report.totals,
    );

    const { pdfBase64, fileName } = await ok<DaySummaryPdf>('reports.daySummaryPdf', {});
    expect(fileName).toBe(`日结汇总_${today}.pdf`);
    const dir = mkdtempSync(path.join(tmpdir(), 'day-summary-'));
    const file = path.join(dir, 'summary.pdf');
    writeFileSync(file, Buffer.from(pdfBase64, 'base64'));
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    const t = report.totals;
    expect(text).toContain('日结汇总');
    expect(text).toContain(`医保结算 ${t.settlements} 笔，医疗费总额 ${yuanText(t.medfeeFen)} 元`);
    expect(text).toContain(
      `统筹基金 ${yuanText(t.fundFen)} 元，个人账户 ${yuanText(t.acctFen)} 元，现金 ${yuanText(t.cashFen)} 元`,
    );
    expect(text).toContain(`净额 ${yuanText(t.netFen)} 元`);
    expect(text).toContain(`尾号 ${held.hiRxno.slice(-6)}`);
    expect(text).toContain(maskName(li.name));
    expect(text).not.toContain(li.name);
    mkdirSync(path.join(ROOT, 'test-results/screens'), { recursive: true });
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '80',
      '-singlefile',
      file,
      path.join(ROOT, 'test-results/screens/day-summary-pdf'),
    ]);
  });

  it('refuses going off duty while a held dispensing is neither settled, cancelled nor carried over; a carry-over with its reason is kept and lets the shift close [R-KEEP]', async () => {
    const refused = await h.api('shift.close', {}, token);
    expect(refused.ok).toBe(false);
    expect(refused.error?.ruleId).toBe('R-KEEP');
    expect(refused.error?.message).toContain('待结算调剂');
    expect((await ok<ShiftStatus>('shift.status', {})).mine).not.toBeNull();

    const summary = await ok<DaySummary>('reports.daySummary', {});
    const first = summary.held[0];
    if (!first) throw new Error('no held dispensing');
    const short = await h.api(
      'dispense.carryOverHeld',
      { dispensingId: first.dispensingId, reason: '明天' },
      token,
    );
    expect(short.ok).toBe(false);
    const admin = DEMO_STAFF.find((s) => s.role === 'admin');
    const adminLogin = await h.api<{ token: string }>('auth.login', {
      username: admin?.username,
      password: admin?.password,
    });
    const byAdmin = await h.api(
      'dispense.carryOverHeld',
      { dispensingId: first.dispensingId, reason: '患者明日来取' },
      adminLogin.value?.token ?? '',
    );
    expect(byAdmin.error).toMatchObject({ code: 'FORBIDDEN', ruleId: 'R-KEEP' });
    expect(carried()).toBe(0);

    for (const x of summary.held) {
      await ok('dispense.carryOverHeld', { dispensingId: x.dispensingId, reason: '患者明日来取' });
    }
    const twice = await h.api(
      'dispense.carryOverHeld',
      { dispensingId: first.dispensingId, reason: '患者明日来取' },
      token,
    );
    expect(twice.error?.code).toBe('CONFLICT');
    const after = await ok<DaySummary>('reports.daySummary', {});
    expect(after.openHeld).toBe(0);
    expect(after.held[0]?.carriedOver).toMatchObject({ reason: '患者明日来取', staffName: '张敏' });
    const audit = h.services.db
      .prepare(
        "SELECT count(*) FROM audit_log WHERE action = 'dispense.carryOverHeld' AND outcome = 'ok'",
      )
      .pluck()
      .get();
    expect(audit).toBe(summary.held.length);
    expect(() => h.services.db.prepare('DELETE FROM held_carryovers').run()).toThrow(/R-KEEP/);
    expect(() => h.services.db.prepare("UPDATE held_carryovers SET reason = 'x'").run()).toThrow(
      /R-KEEP/,
    );

    await ok('shift.close', {});
    expect((await ok<ShiftStatus>('shift.status', {})).mine).toBeNull();
  });

  it('a pharmacist may go off duty with held dispensings open while a colleague stays on duty; the last one on duty may not [R-KEEP][R-PHARMACIST]', async () => {
    const admin = DEMO_STAFF.find((s) => s.role === 'admin');
    const adminToken =
      (
        await h.api<{ token: string }>('auth.login', {
          username: admin?.username,
          password: admin?.password,
        })
      ).value?.token ?? '';
    await ok(
      'staff.create',
      {
        username: 'wangfang',
        displayName: '王芳',
        role: 'pharmacist',
        pharmacistCode: 'Y500103000456',
        certno: '110101199003071233',
        password: 'Temp2024x',
      },
      adminToken,
    );
    const first =
      (
        await h.api<{ token: string }>('auth.login', {
          username: 'wangfang',
          password: 'Temp2024x',
        })
      ).value?.token ?? '';
    await ok(
      'session.changePassword',
      { oldPassword: 'Temp2024x', newPassword: 'Counter2024' },
      first,
    );
    await ok('shift.open', {}, first);
    await ok('shift.open', {});
    await dispensed(li);
    expect((await ok<DaySummary>('reports.daySummary', {})).openHeld).toBe(1);

    await ok('shift.close', {});
    const status = await ok<ShiftStatus>('shift.status', {}, first);
    expect(status.onDuty.map((x) => x.pharmacistName)).toEqual(['王芳']);

    const last = await h.api('shift.close', {}, first);
    expect(last.error).toMatchObject({ code: 'POLICY', ruleId: 'R-KEEP' });
    expect((await ok<ShiftStatus>('shift.status', {}, first)).mine).not.toBeNull();
  });
});
