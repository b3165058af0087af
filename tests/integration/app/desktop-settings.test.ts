import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DesktopSettings, PendingWork } from '../../../src/contract/types-desktop';
import type { SettlePreview } from '../../../src/contract/types-settlement';
import { decideClose } from '../../../src/domain/desktop/pending-work';
import { DEMO_PATIENTS } from '../../../src/sandbox/seed-data';
import { DEMO_STAFF } from '../../../src/store/demo-staff';
import { type Harness, startHarness } from '../../support/app-harness';
import { dispensedRx } from '../../support/dispensed-rx';
import { settleOnePack, signedInOnDuty } from '../../support/settled-sale';

const AMLODIPINE = 'XC08CAA010A001010201587';
const pharmacist = DEMO_STAFF.find((s) => s.role === 'pharmacist');
const admin = DEMO_STAFF.find((s) => s.role === 'admin');
const cashier = DEMO_STAFF.find((s) => s.role === 'cashier');
const [zhang] = DEMO_PATIENTS;
const ownVoucher = DEMO_PATIENTS.find((p) => p.certno === pharmacist?.certno)?.ecToken ?? '';
if (!pharmacist || !admin || !cashier || !zhang || !ownVoucher)
  throw new Error('demo data missing');

describe('desktop app: printer and update settings, pending work before closing', () => {
  let h: Harness;
  let token: string;
  let adminToken: string;
  let cashierToken: string;
  const ok = async <T>(method: string, input: unknown, as = token): Promise<T> => {
    const r = await h.api<T>(method, input, as);
    expect(r.ok, `${method}: ${r.error?.message}`).toBe(true);
    return r.value as T;
  };
  const login = async (who: { username: string; password: string }) =>
    (
      await h.api<{ token: string }>('auth.login', {
        username: who.username,
        password: who.password,
      })
    ).value?.token ?? '';
  const auditActions = () =>
    (h.services.db.prepare('SELECT action FROM audit_log').pluck().all() as string[]).filter((a) =>
      a.startsWith('settings.'),
    );

  beforeAll(async () => {
    h = await startHarness();
    token = await signedInOnDuty(h, pharmacist);
    adminToken = await login(admin);
    cashierToken = await login(cashier);
  });
  afterAll(async () => h?.close());

  it('only an administrator chooses the printer, paper and drawer kick; stored and audited [R-KEEP]', async () => {
    const before = await ok<DesktopSettings>('desktop.settings', {}, cashierToken);
    expect(before.print).toEqual({ printerName: null, paper: '80mm', kickCashDrawer: false });
    const wanted = { printerName: 'XP-80C', paper: '58mm', kickCashDrawer: true };
    const refused = await h.api('desktop.setPrint', wanted, cashierToken);
    expect(refused.error).toMatchObject({ code: 'FORBIDDEN', ruleId: 'R-KEEP' });
    expect((await ok<DesktopSettings>('desktop.settings', {})).print.paper).toBe('80mm');
    expect(await ok('desktop.setPrint', wanted, adminToken)).toEqual(wanted);
    expect((await ok<DesktopSettings>('desktop.settings', {})).print).toEqual(wanted);
    const bad = await h.api('desktop.setPrint', { ...wanted, paper: '110mm' }, adminToken);
    expect(bad.error?.code).toBe('VALIDATION');
    expect(auditActions()).toContain('settings.printer');
  });

  it('the update feed is the pharmacy’s own HTTPS server: GitHub and plain http are refused, nothing stored [R-KEEP]', async () => {
    for (const feedUrl of [
      'https://github.com/pharmacy/counter/releases/download/v1/',
      'https://objects.githubusercontent.com/x/',
      'http://updates.example.cn/counter/',
      'not a url',
    ]) {
      const r = await h.api('desktop.setUpdateFeed', { feedUrl }, adminToken);
      expect(r.error?.code, feedUrl).toBe('VALIDATION');
      expect(r.error?.message, feedUrl).toMatch(/更新地址/);
    }
    expect((await ok<DesktopSettings>('desktop.settings', {})).update.feedUrl).toBeNull();
    const set = await ok(
      'desktop.setUpdateFeed',
      { feedUrl: 'https://upd.chain.example.cn/counter' },
      adminToken,
    );
    expect(set).toEqual({ feedUrl: 'https://upd.chain.example.cn/counter/' });
    expect(auditActions()).toContain('settings.updateFeed');
  });

  it('reports a settlement waiting for the center and uploads not yet delivered; closing then asks [R-SETTLE][R-SALES-UP]', async () => {
    expect(await ok<PendingWork>('desktop.pendingWork', {})).toEqual({
      uploadsPending: 0,
      settlementsInProgress: 0,
      outcomesUnknown: 0,
    });
    expect(decideClose(await ok<PendingWork>('desktop.pendingWork', {}))).toEqual({
      action: 'close',
    });

    const d = await dispensedRx(h, ok, {
      patient: zhang,
      drugs: [AMLODIPINE],
      ownVoucher,
      codeOf: () => '80207410000000992001',
    });
    const p = await ok<SettlePreview>('settle.preview', { dispensingId: d.dispensingId });
    await h.fault({ target: '2102', kind: 'delay', delayMs: 1500, times: 1 });
    const settling = h.api(
      'settle.confirm',
      { dispensingId: d.dispensingId, previewId: p.previewId },
      token,
    );
    let during: PendingWork | undefined;
    for (let i = 0; i < 100 && !during?.settlementsInProgress; i++) {
      during = await ok<PendingWork>('desktop.pendingWork', {});
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(during?.settlementsInProgress).toBe(1);
    const asked = decideClose(during as PendingWork);
    expect(asked).toMatchObject({ action: 'ask', message: '结算正在进行，确定要退出柜台程序吗？' });
    expect((await settling).ok).toBe(true);

    await h.fault({ target: '7207', kind: 'http5xx' });
    await h.fault({ target: '3505', kind: 'http5xx' });
    await settleOnePack(h, ok, {
      patient: zhang,
      drug: AMLODIPINE,
      ownVoucher,
      traceCode: '80207410000000992002',
    });
    const after = await ok<PendingWork>('desktop.pendingWork', {});
    expect(after.settlementsInProgress).toBe(0);
    expect(after.uploadsPending).toBeGreaterThanOrEqual(2);
    const decision = decideClose(after);
    expect(decision.action).toBe('ask');
    expect(decision.action === 'ask' && decision.details.join('\n')).toContain(
      `${after.uploadsPending} 条上传尚未送达医保中心；下次启动后继续发送`,
    );
  });
});
