import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../src/domain/errors';
import { createAuditArea } from '../../../src/services/audit';
import { silentLogger } from '../../../src/services/logger';
import { auditCounter } from './audit-fixture';

describe('audit trail store and writer', () => {
  const cleanups: Array<() => void> = [];
  afterEach(() => {
    for (const c of cleanups.splice(0)) c();
  });
  const setup = () => auditCounter(cleanups);
  const login = (audit: ReturnType<typeof setup>['audit'], n: number) => {
    for (let i = 0; i < n; i++)
      audit.record({ action: 'auth.login', outcome: 'ok', staffId: 7, username: 'yaoshi' });
  };
  const session = { staff: { id: 7, username: 'yaoshi' } };

  it('the database refuses to update or delete an entry, or to insert one off the chain [R-KEEP]', () => {
    const { db, audit } = setup();
    login(audit, 2);
    expect(() => db.prepare("UPDATE audit_log SET detail = '{}' WHERE seq = 1").run()).toThrow(
      'R-KEEP：审计日志只能追加，不得修改',
    );
    expect(() => db.prepare('DELETE FROM audit_log WHERE seq = 2').run()).toThrow(
      'R-KEEP：审计日志只能追加，不得删除',
    );
    const insert = db.prepare(
      `INSERT INTO audit_log (seq, at, action, outcome, detail, prev_hash, hash)
       VALUES (?, 0, 'x', 'ok', '{}', ?, ?)`,
    );
    expect(() => insert.run(5, 'a'.repeat(64), 'b'.repeat(64))).toThrow('只能在链尾按序追加');
    expect(() => insert.run(3, '0'.repeat(64), 'b'.repeat(64))).toThrow('只能在链尾按序追加');
    expect(audit.verify()).toMatchObject({ ok: true, entries: 2 });
  });

  it('each append links to the previous one and moves the anchor file [R-KEEP]', () => {
    const { audit, dir } = setup();
    login(audit, 3);
    const anchor = JSON.parse(readFileSync(path.join(dir, 'audit-anchor.json'), 'utf8'));
    const v = audit.verify();
    expect(v).toMatchObject({ ok: true, entries: 3, firstBroken: null, anchor: { status: 'ok' } });
    expect(anchor).toMatchObject({ seq: 3, hash: v.head?.hash });
    expect(v.verdict).toBe('审计链完整：共 3 条，链尾第 3 条与锚点一致');
  });

  it('a tail cut off behind the triggers is reported, and the next append writes the finding into the chain instead of blessing it [R-KEEP]', () => {
    const { db, audit } = setup();
    login(audit, 5);
    db.exec('DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE seq > 3');
    expect(audit.verify()).toMatchObject({
      ok: false,
      firstBroken: null,
      anchor: { status: 'truncated', seq: 5 },
      verdict: expect.stringContaining('锚点记录到第 5 条，审计链只到第 3 条'),
    });
    login(audit, 1);
    const after = audit.verify();
    expect(after.anchor.status).toBe('ok');
    expect(after.ok).toBe(false);
    expect(after.findings).toEqual([
      { seq: 4, at: expect.any(String), message: expect.stringContaining('链尾被截断') },
    ]);
    expect(after.verdict).toContain('第 4 条记载此前发现');
  });

  it('a deleted anchor file is reported and recorded at the next append [R-KEEP]', () => {
    const { audit, dir } = setup();
    login(audit, 2);
    rmSync(path.join(dir, 'audit-anchor.json'));
    expect(audit.verify().anchor.status).toBe('missing');
    login(audit, 1);
    expect(audit.verify().findings[0]?.message).toContain('审计锚点文件缺失');
    writeFileSync(path.join(dir, 'audit-anchor.json'), 'garbage');
    expect(audit.verify().anchor.status).toBe('unreadable');
  });

  it('API calls are recorded with actor and outcome; tokens, passwords and opinions never are [R-KEEP]', () => {
    const { audit } = setup();
    audit.afterCall('auth.login', {
      input: { username: 'demo1234secret', password: 'demo1234' },
      session: null,
      error: new AppError('UNAUTHENTICATED', '用户名或密码错误'),
    });
    audit.afterCall('auth.login', {
      input: { username: 'YAOSHI', password: 'wrong' },
      session: null,
      error: new AppError('UNAUTHENTICATED', '用户名或密码错误'),
    });
    audit.afterCall('review.submit', {
      input: {
        hiRxno: 'H1',
        result: 'reject',
        opinion: '患者 张三 500103199001011234',
        ecToken: 'TOKEN-SECRET-123456',
      },
      session,
      output: { reviewId: 9, hiRxno: 'H1', statusCode: '2' },
    });
    audit.afterCall('settings.setRegion', {
      input: { regionId: '441900' },
      session,
      error: new AppError('FORBIDDEN', '只有管理员可以更改药店所属统筹地区', {
        ruleId: 'R-REGION',
      }),
    });
    audit.afterCall('rx.get', { input: { hiRxno: 'H1' }, session, output: {} });
    audit.afterCall('dispense.start', {
      input: { hiRxno: 'H2' },
      session,
      error: new AppError('NOT_FOUND', 'x'),
    });
    const { entries } = audit.list({ from: 0, to: Number.MAX_SAFE_INTEGER, page: 1, pageSize: 50 });
    const text = JSON.stringify(entries);
    for (const secret of ['demo1234', 'TOKEN-SECRET', '张三', '500103199001011234', 'wrong'])
      expect(text).not.toContain(secret);
    expect(entries.map((e) => [e.seq, e.action, e.outcome, e.username, e.subject])).toEqual([
      [4, 'settings.region', 'refused', 'yaoshi', '441900'],
      [3, 'review.reject', 'ok', 'yaoshi', 'H1'],
      [2, 'auth.login', 'refused', 'yaoshi', null],
      [1, 'auth.login', 'refused', '未知用户名（14位）', null],
    ]);
    expect(entries[0]?.detail).toEqual({
      regionId: '441900',
      error: {
        code: 'FORBIDDEN',
        message: '只有管理员可以更改药店所属统筹地区',
        ruleId: 'R-REGION',
      },
    });
    expect(entries[1]?.detail).toEqual({
      result: 'reject',
      reviewId: 9,
      statusCode: '2',
      dualChannel: false,
      suspect: false,
    });
    expect(entries[2]).toMatchObject({ staffId: 7, actionLabel: '登录', outcomeLabel: '被拒绝' });
  });

  it('a failure to record never breaks the call; it is logged [R-KEEP]', () => {
    const { db, dir } = setup();
    const logged: string[] = [];
    const log = { ...silentLogger, error: (event: string) => void logged.push(event) };
    const audit = createAuditArea({ db, log, now: () => new Date(), config: { dataDir: dir } });
    db.exec("CREATE TRIGGER jam BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'jam'); END");
    expect(() =>
      audit.afterCall('auth.logout', { input: {}, session, output: { ok: true } }),
    ).not.toThrow();
    expect(logged).toEqual(['audit.append.failed']);
    expect(() =>
      db.transaction(() => audit.record({ action: 'auth.logout', outcome: 'ok' }))(),
    ).toThrow('业务事务提交之后');
  });
});
