import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RxCandidate } from '../../../src/contract/types';
import type { ComplaintDetail, ComplaintView } from '../../../src/contract/types-complaints';
import type { DispensingView } from '../../../src/contract/types-dispense';
import { createPrescription } from '../../../src/sandbox/hospital/create-prescription';
import { DEMO_PATIENTS } from '../../../src/sandbox/seed-data';
import { DEMO_STAFF } from '../../../src/store/demo-staff';
import { type Harness, startHarness } from '../../support/app-harness';

const AMOXICILLIN = 'XJ01CAA040A001010100435';
const pharmacist = DEMO_STAFF.find((s) => s.role === 'pharmacist');
const cashier = DEMO_STAFF.find((s) => s.role === 'cashier');
const [zhang] = DEMO_PATIENTS;
if (!pharmacist || !cashier || !zhang) throw new Error('demo data missing');

/** The clause a complaint refusal names, by the document's title (never a seed file number). */
const CHONGQING_NOTICE = '《关于做好医保电子处方流转有关工作的通知》渝医保办〔2023〕70号 §三(一)';

describe('the complaint and report register over HTTP [R-COMPLAINT]', () => {
  let h: Harness;
  let token = '';
  let cashierToken = '';

  const login = async (who: { username: string; password: string }) =>
    (
      await h.api<{ token: string }>('auth.login', {
        username: who.username,
        password: who.password,
      })
    ).value?.token as string;
  const ok = async <T>(method: string, input: unknown, as = token): Promise<T> => {
    const r = await h.api<T>(method, input, as);
    expect(r.ok, `${method}: ${r.error?.message}`).toBe(true);
    return r.value as T;
  };
  const count = (table: string) =>
    h.services.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  const register = (over: Record<string, unknown> = {}, as = token) =>
    ok<ComplaintDetail>(
      'complaints.register',
      { channel: 'counter', subject: '药品包装破损，要求更换', ...over },
      as,
    );

  beforeAll(async () => {
    h = await startHarness();
    token = await login(pharmacist);
    cashierToken = await login(cashier);
  });
  afterAll(async () => {
    await h.close();
  });

  it('registers a complaint linked to a dispensing, checks, corrects and closes it, each step recorded and audited with the complainant masked [R-COMPLAINT][R-KEEP]', async () => {
    h.services.dispense.useReviewGate({
      isReviewPassed: () => ({ passed: true, reason: '审方已通过' }),
    });
    const rx = await createPrescription(
      { baseUrl: h.sandboxUrl },
      { patient: zhang, drugs: [AMOXICILLIN] },
    );
    const found = await ok<RxCandidate[]>('rx.find', { by: 'qr', qr: rx.qr });
    await ok('rx.download', found[0]?.ticket);
    const d = await ok<DispensingView>('dispense.start', { hiRxno: rx.hiRxno });

    const c = await register({
      channel: 'phone',
      complainantName: '张三丰',
      complainantPhone: '13812345678',
      subject: '取药时少给了一盒阿莫西林',
      hiRxno: rx.hiRxno,
      dispensingId: d.dispensingId,
    });
    expect(c).toMatchObject({
      state: 'received',
      stateLabel: '已登记',
      channelLabel: '电话',
      complainant: '张*丰',
      complainantPhone: '138****5678',
      hiRxno: rx.hiRxno,
      dispensingId: d.dispensingId,
      receivedByName: pharmacist.displayName,
    });
    expect(JSON.stringify(c)).not.toContain('13812345678');

    await ok('complaints.followUp', { id: c.id, to: 'checking', note: '调取监控核对' });
    const corrected = await ok<ComplaintDetail>('complaints.followUp', {
      id: c.id,
      to: 'corrected',
      checkResult: '监控显示确少发一盒',
      correction: '当日补发并致歉',
    });
    expect(corrected).toMatchObject({
      state: 'corrected',
      checkResult: '监控显示确少发一盒',
      correction: '当日补发并致歉',
    });
    const closed = await ok<ComplaintDetail>('complaints.followUp', { id: c.id, to: 'closed' });
    expect(closed).toMatchObject({ state: 'closed', closedByName: pharmacist.displayName });
    expect(closed.closedAt).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    expect(closed.events.map((e) => [e.fromLabel, e.toLabel, e.note])).toEqual([
      [null, '已登记', null],
      ['已登记', '核查中', '调取监控核对'],
      ['核查中', '已核查纠正', null],
      ['已核查纠正', '已办结', null],
    ]);

    const audit = h.services.db
      .prepare(
        "SELECT action, subject, detail FROM audit_log WHERE action LIKE 'complaint.%' AND subject = ? ORDER BY seq",
      )
      .all(`投诉举报#${c.id}`) as Array<{ action: string; subject: string; detail: string }>;
    expect(audit.map((a) => a.action)).toEqual([
      'complaint.register',
      'complaint.followUp',
      'complaint.followUp',
      'complaint.followUp',
    ]);
    for (const a of audit) expect(a.detail).not.toMatch(/张三丰|13812345678/);

    const open = await ok<ComplaintView[]>('complaints.list', { openOnly: true });
    expect(open.map((x) => x.id)).not.toContain(c.id);
    const all = await ok<ComplaintView[]>('complaints.list', { openOnly: false });
    expect(all.map((x) => x.id)).toContain(c.id);
  });

  it('passes a complaint outside the pharmacy’s remit to the local agency, naming it, and closes it [R-COMPLAINT]', async () => {
    const c = await register({ channel: 'agency', subject: '举报某医院医生多开药' });
    expect(c.complainant).toBe('匿名');
    const noAgency = await h.api(
      'complaints.followUp',
      { id: c.id, to: 'referred', checkResult: '属医疗机构开方问题，非本店业务' },
      token,
    );
    expect(noAgency.error).toMatchObject({ code: 'POLICY', ruleId: 'R-COMPLAINT' });
    expect(noAgency.error?.message).toContain('医保经办机构');
    const referred = await ok<ComplaintDetail>('complaints.followUp', {
      id: c.id,
      to: 'referred',
      checkResult: '属医疗机构开方问题，非本店业务',
      agency: '渝中区医疗保障事务中心',
    });
    expect(referred).toMatchObject({ state: 'referred', agency: '渝中区医疗保障事务中心' });
    expect(referred.referredAt).not.toBeNull();
    const closed = await ok<ComplaintDetail>('complaints.followUp', { id: c.id, to: 'closed' });
    expect(closed.state).toBe('closed');
  });

  it('refuses a correction without check result or correction, and a close before either, storing nothing, with the rule and its document in the details [R-COMPLAINT]', async () => {
    const c = await register();
    const events = count('complaint_events');

    const skip = await h.api('complaints.followUp', { id: c.id, to: 'closed' }, token);
    expect(skip.error?.code).toBe('CONFLICT');
    expect(skip.error?.message).toContain('不能从「已登记」变为「已办结」');

    await ok('complaints.followUp', { id: c.id, to: 'checking' });
    const bare = await h.api(
      'complaints.followUp',
      { id: c.id, to: 'corrected', checkResult: '包装确有破损' },
      token,
    );
    expect(bare.error).toMatchObject({ code: 'POLICY', ruleId: 'R-COMPLAINT' });
    expect(bare.error?.message).toBe('核查纠正须写明采取的纠正措施');
    expect(bare.error?.message).not.toMatch(/R-[A-Z]/);
    expect(bare.error?.citation).toContain(CHONGQING_NOTICE);
    expect(count('complaint_events')).toBe(events + 1);
    const still = await ok<ComplaintDetail>('complaints.get', { id: c.id });
    expect(still).toMatchObject({ state: 'checking', checkResult: null, correction: null });

    const noSubject = await h.api(
      'complaints.register',
      { channel: 'counter', subject: '差' },
      token,
    );
    expect(noSubject.error).toMatchObject({ code: 'POLICY', ruleId: 'R-COMPLAINT' });
  });

  it('lets a cashier register a complaint but not check, correct or close it [R-COMPLAINT]', async () => {
    const c = await register({}, cashierToken);
    expect(c.receivedByName).toBe(cashier.displayName);
    const r = await h.api('complaints.followUp', { id: c.id, to: 'checking' }, cashierToken);
    expect(r.error).toMatchObject({ code: 'FORBIDDEN', ruleId: 'R-COMPLAINT' });
    expect((await ok<ComplaintDetail>('complaints.get', { id: c.id })).state).toBe('received');
  });

  it('the database keeps the register: no delete, no rewrite of what was received or found, no state skipped, no close without a closer [R-COMPLAINT][R-KEEP]', async () => {
    const c = await register();
    const db = h.services.db;
    expect(() => db.prepare('DELETE FROM complaints WHERE id = ?').run(c.id)).toThrow(/不可删除/);
    expect(() =>
      db.prepare("UPDATE complaints SET subject = '改写后的事由' WHERE id = ?").run(c.id),
    ).toThrow(/不可修改/);
    expect(() =>
      db.prepare("UPDATE complaints SET state = 'closed' WHERE id = ?").run(c.id),
    ).toThrow(/不能这样变化/);
    expect(() =>
      db.prepare("UPDATE complaints SET state = 'checking' WHERE id = ?").run(c.id),
    ).not.toThrow();
    expect(() =>
      db.prepare("UPDATE complaints SET state = 'corrected' WHERE id = ?").run(c.id),
    ).toThrow(/CHECK constraint/);
    expect(() =>
      db
        .prepare(
          "UPDATE complaints SET state = 'corrected', check_result = '属实已处理', correction = '已更换' WHERE id = ?",
        )
        .run(c.id),
    ).not.toThrow();
    expect(() =>
      db.prepare("UPDATE complaints SET correction = '换个说法' WHERE id = ?").run(c.id),
    ).toThrow(/只能追加/);
    expect(() =>
      db.prepare("UPDATE complaints SET state = 'closed' WHERE id = ?").run(c.id),
    ).toThrow(/CHECK constraint/);
    expect(() => db.prepare('DELETE FROM complaint_events').run()).toThrow(/只能追加/);
  });
});
