import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionInfo } from '../../../src/contract/types';
import type { StaffView } from '../../../src/contract/types-staff';
import { DEMO_STAFF } from '../../../src/store/demo-staff';
import { type Harness, startHarness } from '../../support/app-harness';

const admin = DEMO_STAFF.find((s) => s.role === 'admin');
const cashier = DEMO_STAFF.find((s) => s.role === 'cashier');
if (!admin || !cashier) throw new Error('demo staff missing');

/** A valid 居民身份证号 (GB 11643 check character 3) that no demo person has. */
const WANG_ID = '110101199003071233';

describe('staff accounts over HTTP, through the real handlers', () => {
  let h: Harness;
  let adminToken = '';

  const login = (username: string, password: string) =>
    h.api<SessionInfo>('auth.login', { username, password });
  const tokenOf = async (username: string, password: string) => {
    const r = await login(username, password);
    expect(r.ok, r.error?.message).toBe(true);
    return r.value as SessionInfo;
  };
  const ok = async <T>(method: string, input: unknown, as = adminToken): Promise<T> => {
    const r = await h.api<T>(method, input, as);
    expect(r.ok, `${method}: ${r.error?.message}`).toBe(true);
    return r.value as T;
  };
  const auditOf = (subject: string) =>
    h.services.db
      .prepare(
        "SELECT action, outcome, detail FROM audit_log WHERE (action LIKE 'staff.%' OR action LIKE 'session.%') AND subject = ? ORDER BY seq",
      )
      .all(subject) as Array<{ action: string; outcome: string; detail: string }>;
  const staffCount = () =>
    h.services.db.prepare('SELECT count(*) FROM staff').pluck().get() as number;
  const create = (over: Record<string, unknown>) =>
    h.api<StaffView>(
      'staff.create',
      {
        username: 'wangfang',
        displayName: '王芳',
        role: 'pharmacist',
        pharmacistCode: 'Y500103000456',
        certno: WANG_ID,
        password: 'Temp2024x',
        ...over,
      },
      adminToken,
    );

  beforeAll(async () => {
    h = await startHarness();
    adminToken = (await tokenOf(admin.username, admin.password)).token;
  });
  afterAll(async () => {
    await h.close();
  });

  it('an admin creates a pharmacist with a temporary password; the pharmacist must change it before anything else, and every step is audited without the password or the full ID number [R-PHARMACIST][R-KEEP]', async () => {
    const created = (await create({})).value;
    expect(created).toMatchObject({
      username: 'wangfang',
      role: 'pharmacist',
      roleLabel: '执业药师',
      pharmacistCode: 'Y500103000456',
      certnoMasked: '1101**********1233',
      active: true,
      stateLabel: '待改密',
      mustChangePassword: true,
    });

    const first = await tokenOf('wangfang', 'Temp2024x');
    expect(first.mustChangePassword).toBe(true);
    const blocked = await h.api('rx.list', {}, first.token);
    expect(blocked.error).toMatchObject({ code: 'FORBIDDEN' });
    expect(blocked.error?.message).toContain('临时密码');

    const weak = await h.api(
      'session.changePassword',
      { oldPassword: 'Temp2024x', newPassword: 'demo1234' },
      first.token,
    );
    expect(weak.error?.message).toBe('该密码过于常见（含演示密码），请换一个');
    const wrongOld = await h.api(
      'session.changePassword',
      { oldPassword: 'nottheone1', newPassword: 'Counter2024' },
      first.token,
    );
    expect(wrongOld.error?.message).toBe('原密码不正确');
    await ok(
      'session.changePassword',
      { oldPassword: 'Temp2024x', newPassword: 'Counter2024' },
      first.token,
    );
    expect((await h.api('rx.list', {}, first.token)).ok).toBe(true);
    expect((await login('wangfang', 'Temp2024x')).ok).toBe(false);
    const again = await tokenOf('wangfang', 'Counter2024');
    expect(again.mustChangePassword).toBe(false);

    const listed = (await ok<StaffView[]>('staff.list', {})).find((s) => s.username === 'wangfang');
    expect(listed?.stateLabel).toBe('在用');
    expect(listed?.passwordChangedAt).toEqual(expect.any(Number));

    const audit = auditOf('wangfang');
    expect(audit.map((a) => [a.action, a.outcome])).toEqual([['staff.create', 'ok']]);
    const all = h.services.db
      .prepare(
        "SELECT detail FROM audit_log WHERE action LIKE 'staff.%' OR action LIKE 'session.%'",
      )
      .pluck()
      .all() as string[];
    for (const d of all)
      expect(d).not.toMatch(/Temp2024x|Counter2024|demo1234|110101199003071233|scrypt/);
    expect(audit[0]?.detail).toContain('1101**********1233');
    const changes = h.services.db
      .prepare(
        "SELECT outcome FROM audit_log WHERE action = 'session.changePassword' AND username = 'wangfang' ORDER BY seq",
      )
      .pluck()
      .all();
    // a weak new password is invalid input (not recorded); a wrong old password is a refusal
    expect(changes).toEqual(['refused', 'ok']);
  });

  it('staff management is for the administrator only: a cashier or pharmacist is refused, the refusal audited [R-PHARMACIST]', async () => {
    const c = await tokenOf(cashier.username, cashier.password);
    const before = staffCount();
    for (const method of [
      'staff.list',
      'staff.create',
      'staff.deactivate',
      'staff.resetPassword',
    ]) {
      const input =
        method === 'staff.list'
          ? {}
          : method === 'staff.create'
            ? {
                username: 'sneaky',
                displayName: '某人',
                role: 'pharmacist',
                pharmacistCode: 'Y500103000999',
                certno: WANG_ID,
                password: 'Sneaky2024',
              }
            : method === 'staff.deactivate'
              ? { id: 1 }
              : { id: 1, password: 'Sneaky2024' };
      const r = await h.api(method, input, c.token);
      expect(r.error).toMatchObject({ code: 'FORBIDDEN', ruleId: 'R-PHARMACIST' });
    }
    expect(staffCount()).toBe(before);
    const refused = h.services.db
      .prepare(
        "SELECT count(*) FROM audit_log WHERE action = 'staff.create' AND outcome = 'refused' AND username = ?",
      )
      .pluck()
      .get(cashier.username);
    expect(refused).toBe(1);
  });

  it('refuses a pharmacist without a well-formed 医保药师代码 or with an ID number failing its check digit, with rule and citation, storing nothing [ST-EPC-02-002][R-PHARMACIST]', async () => {
    const before = staffCount();
    const badCode = await create({ username: 'lisi', pharmacistCode: 'Y1' });
    expect(badCode.error).toMatchObject({ code: 'VALIDATION', ruleId: 'R-PHARMACIST' });
    expect(badCode.error?.message).toContain('医保药师代码格式');
    expect(badCode.error?.citation).toContain('ST-EPC-02-002');
    const badId = await create({ username: 'lisi', certno: '110101199003071237' });
    expect(badId.error?.message).toContain('校验码');
    const noId = await create({ username: 'lisi', certno: null });
    expect(noId.error?.message).toContain('居民身份证号');
    const weak = await create({ username: 'lisi', password: 'lisi2024x' });
    expect(weak.error?.message).toBe('密码不能包含用户名');
    expect(staffCount()).toBe(before);
  });

  it('a deactivated account cannot log in (the same answer as a wrong password) and its open session ends; the list says so; reactivation restores it [R-PHARMACIST][R-KEEP]', async () => {
    const zhao = await ok<StaffView>('staff.create', {
      username: 'zhaoliu',
      displayName: '赵六',
      role: 'cashier',
      password: 'Start2024z',
    });
    const session = await tokenOf('zhaoliu', 'Start2024z');
    const off = await ok<StaffView>('staff.deactivate', { id: zhao.id });
    expect(off).toMatchObject({ active: false, stateLabel: '已停用' });
    expect(off.deactivatedAt).toEqual(expect.any(Number));
    expect((await h.api('auth.session', {}, session.token)).error?.code).toBe('UNAUTHENTICATED');
    const refused = await login('zhaoliu', 'Start2024z');
    const wrong = await login('zhaoliu', 'Wrong2024z');
    expect(refused.error?.message).toBe('用户名或密码错误');
    expect(refused.error?.message).toBe(wrong.error?.message);

    await ok('staff.reactivate', { id: zhao.id });
    expect((await login('zhaoliu', 'Start2024z')).ok).toBe(true);
    expect(auditOf('zhaoliu').map((a) => a.action)).toEqual([
      'staff.create',
      'staff.deactivate',
      'staff.reactivate',
    ]);
  });

  it('an admin resets a forgotten password to a temporary one, which also lifts a log-in lock; the holder must change it [R-PHARMACIST][R-KEEP]', async () => {
    const sun = await ok<StaffView>('staff.create', {
      username: 'sunqi',
      displayName: '孙七',
      role: 'cashier',
      password: 'Start2024s',
    });
    for (let i = 0; i < 6; i++) await login('sunqi', `Wrong${i}xyz9`);
    expect((await login('sunqi', 'Start2024s')).error?.message).toContain('锁定');
    const reset = await ok<StaffView>('staff.resetPassword', {
      id: sun.id,
      password: 'Again2024s',
    });
    expect(reset.stateLabel).toBe('待改密');
    const s = await tokenOf('sunqi', 'Again2024s');
    expect(s.mustChangePassword).toBe(true);
    const detail = h.services.db
      .prepare(
        "SELECT detail FROM audit_log WHERE action = 'staff.resetPassword' AND subject = 'sunqi'",
      )
      .pluck()
      .get() as string;
    expect(detail).not.toContain('Again2024s');
  });

  it('an admin cannot deactivate themselves or change their own role; the schema keeps the last active admin and refuses deleting any account [R-KEEP]', async () => {
    const me = (await ok<StaffView[]>('staff.list', {})).find((s) => s.username === admin.username);
    if (!me) throw new Error('admin missing');
    const self = await h.api('staff.deactivate', { id: me.id }, adminToken);
    expect(self.error?.message).toBe('不能停用自己的账号，请由另一名管理员操作');
    const demote = await h.api(
      'staff.update',
      { id: me.id, displayName: me.displayName, role: 'cashier' },
      adminToken,
    );
    expect(demote.error?.code).toBe('FORBIDDEN');

    const db = h.services.db;
    expect(() => db.prepare('UPDATE staff SET active = 0 WHERE id = ?').run(me.id)).toThrow(
      '须至少保留一名在用的管理员',
    );
    expect(() => db.prepare("UPDATE staff SET role = 'cashier' WHERE id = ?").run(me.id)).toThrow(
      '须至少保留一名在用的管理员',
    );
    expect(() => db.prepare('DELETE FROM staff WHERE id = ?').run(me.id)).toThrow(
      '员工账号不可删除',
    );
    const wang = db.prepare("SELECT id FROM staff WHERE username = 'wangfang'").pluck().get();
    expect(() => db.prepare('DELETE FROM staff WHERE id = ?').run(wang)).toThrow(
      '员工账号不可删除',
    );

    const second = await ok<StaffView>('staff.create', {
      username: 'admin2',
      displayName: '副管理员',
      role: 'admin',
      password: 'Boss2024ab',
    });
    const off = await ok<StaffView>('staff.deactivate', { id: second.id });
    expect(off.active).toBe(false);
  });
});
