import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrescriptionView, RxCandidate } from '../../../src/contract/types';
import type { RxReverifySummary } from '../../../src/contract/types-reverify';
import {
  type CreatedPrescription,
  createPrescription,
} from '../../../src/sandbox/hospital/create-prescription';
import { DEMO_PATIENTS } from '../../../src/sandbox/seed-data';
import { keptReverifyThreads } from '../../../src/services/rx-reverify/reverify-stored';
import { DEMO_STAFF } from '../../../src/store/demo-staff';
import { type Harness, startHarness } from '../../support/app-harness';

const AMOXICILLIN = 'XJ01CAA040A001010100435';
const AMLODIPINE = 'XC08CAA010A001010201587';

const login = (role: string) => {
  const s = DEMO_STAFF.find((x) => x.role === role);
  if (!s) throw new Error(`no demo ${role}`);
  return { username: s.username, password: s.password };
};
const zhang = DEMO_PATIENTS[0];
if (!zhang) throw new Error('demo patient missing');

describe('rx.reverifyAll: every stored prescription verified again, on all cores', () => {
  let h: Harness;
  const tokens: Record<string, string> = {};
  const downloaded: CreatedPrescription[] = [];

  const download = async (rx: CreatedPrescription) => {
    const found = await h.api<RxCandidate[]>('rx.find', { by: 'qr', qr: rx.qr }, tokens.pharmacist);
    expect(found.ok, found.error?.message).toBe(true);
    const got = await h.api<PrescriptionView>(
      'rx.download',
      found.value?.[0]?.ticket,
      tokens.pharmacist,
    );
    expect(got.ok, got.error?.message).toBe(true);
    expect(got.value?.signature.local.valid).toBe(true);
  };
  /** Someone edits the database file behind the counter's back (the app itself never can). */
  const tamper = (sql: string, hiRxno: string) => h.services.db.prepare(sql).run({ rx: hiRxno });

  beforeAll(async () => {
    h = await startHarness();
    for (const role of ['pharmacist', 'cashier', 'admin']) {
      const r = await h.api<{ token: string }>('auth.login', login(role));
      tokens[role] = r.value?.token ?? '';
    }
    for (let i = 0; i < 4; i++) {
      const rx = await createPrescription(
        { baseUrl: h.sandboxUrl },
        { patient: zhang, drugs: i % 2 ? [AMOXICILLIN] : [AMOXICILLIN, AMLODIPINE] },
      );
      await download(rx);
      downloaded.push(rx);
    }
  });
  afterAll(async () => {
    await h.close();
  });

  it('reports a stored prescription whose layout file or signed fields were changed, in Chinese, and passes the rest [R-SIGN][R-LAYOUT]', async () => {
    const [layoutSwapped, renamed] = downloaded;
    if (!layoutSwapped || !renamed) throw new Error('downloads missing');
    h.services.db.exec('DROP TRIGGER prescriptions_archive_frozen');
    const pdf = h.services.db
      .prepare('SELECT rx_file FROM prescriptions WHERE hi_rxno = ?')
      .pluck()
      .get(layoutSwapped.hiRxno) as Buffer;
    pdf.writeUInt8((pdf.readUInt8(pdf.length - 1) ^ 0x01) & 0xff, pdf.length - 1);
    h.services.db
      .prepare('UPDATE prescriptions SET rx_file = ? WHERE hi_rxno = ?')
      .run(pdf, layoutSwapped.hiRxno);
    tamper(
      "UPDATE prescriptions SET reply = json_set(reply, '$.mdtrtinfo.patn_name', '李四') WHERE hi_rxno = @rx",
      renamed.hiRxno,
    );

    const r = await h.api<RxReverifySummary>('rx.reverifyAll', {}, tokens.pharmacist);
    expect(r.ok, r.error?.message).toBe(true);
    const summary = r.value as RxReverifySummary;
    expect(summary).toMatchObject({ checked: 4, passed: 2, failed: 2 });
    expect(summary.threads).toBeGreaterThanOrEqual(1);
    const byRx = new Map(summary.failures.map((f) => [f.hiRxno, f]));
    expect(byRx.get(layoutSwapped.hiRxno)).toMatchObject({
      code: 'LAYOUT_FILE_SWAPPED',
      ruleId: 'R-LAYOUT',
      fixmedinsName: layoutSwapped.fixmedinsName,
    });
    expect(byRx.get(layoutSwapped.hiRxno)?.reason).toMatch(/版式文件/);
    expect(byRx.get(renamed.hiRxno)).toMatchObject({ code: 'FIELDS_ALTERED', ruleId: 'R-SIGN' });
    expect(byRx.get(renamed.hiRxno)?.reason).toMatch(/存档.*（患者姓名）.*篡改/);
    // No patient data in the summary: the prescription number names each one.
    expect(JSON.stringify(summary)).not.toContain(zhang.name);
    expect(keptReverifyThreads()).toBe(summary.threads);
  });

  it('is audited with who asked and the counts [R-SIGN][R-KEEP]', async () => {
    const r = await h.api<RxReverifySummary>('rx.reverifyAll', {}, tokens.admin);
    expect(r.ok, r.error?.message).toBe(true);
    const entry = h.services.db
      .prepare(
        "SELECT username, outcome, detail FROM audit_log WHERE action = 'rx.reverifyAll' ORDER BY seq DESC LIMIT 1",
      )
      .get() as { username: string; outcome: string; detail: string };
    expect(entry.username).toBe(login('admin').username);
    expect(JSON.parse(entry.detail)).toMatchObject({ checked: 4, failed: r.value?.failed });
  });

  it('refuses a cashier, naming the rule [R-SIGN]', async () => {
    const r = await h.api<RxReverifySummary>('rx.reverifyAll', {}, tokens.cashier);
    expect(r.ok).toBe(false);
    expect(r.error?.message).toMatch(/管理员或执业药师/);
    expect(r.error?.ruleId).toBe('R-SIGN');
  });
});
