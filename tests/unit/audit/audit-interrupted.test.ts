import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../src/center/rx/canonical-json';
import { createAuditArea } from '../../../src/services/audit';
import { silentLogger } from '../../../src/services/logger';
import type { Db } from '../../../src/store/database';
import { MIGRATIONS, migrate } from '../../../src/store/migrations';
import { tempDir } from '../store/temp-dir';
import { auditCounter, buildChain } from './audit-fixture';

/** The pid of a process that has exited (and whose pid the OS has not handed out again yet). */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  return Number(r.stdout.toString());
}

describe('audited calls cut off by a crash are still recorded', () => {
  const cleanups: Array<() => void> = [];
  afterEach(() => {
    for (const c of cleanups.splice(0)) c();
  });
  const setup = () => auditCounter(cleanups, 'epc-audit-int-');
  const session = { staff: { id: 7, username: 'yaoshi' } };
  const pendingRows = (db: Db) =>
    db.prepare('SELECT owner, method, record FROM audit_pending').all() as Array<{
      owner: string;
      method: string;
      record: string;
    }>;
  /** A pending row as another process that was running a call would have left it. */
  function leavePending(
    counter: ReturnType<typeof setup>,
    owner: string,
    input: unknown,
    method = 'settle.confirm',
  ) {
    const id = counter.area().beforeCall(method, { input, session });
    counter.db.prepare('UPDATE audit_pending SET owner = ? WHERE id = ?').run(owner, id);
  }

  it('a finished call leaves exactly one entry and no pending row; a call that is not audited writes nothing [R-KEEP]', () => {
    const { db, audit } = setup();
    const call = { input: { dispensingId: 12 }, session };
    const id = audit.beforeCall('settle.confirm', call);
    expect(id).not.toBeNull();
    expect(pendingRows(db)).toHaveLength(1);
    audit.afterCall(
      'settle.confirm',
      { ...call, output: { settlementId: 3, state: 'settled' } },
      id,
    );
    expect(pendingRows(db)).toHaveLength(0);
    const { entries } = audit.list({ from: 0, to: Number.MAX_SAFE_INTEGER, page: 1, pageSize: 10 });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: 'settle.confirm', outcome: 'ok' });

    expect(audit.beforeCall('rx.get', { input: {}, session })).toBeNull();
    const noise = audit.beforeCall('dispense.start', { input: { hiRxno: 'RX1' }, session });
    audit.afterCall('dispense.start', { input: {}, session, error: new Error('x') }, noise);
    expect(pendingRows(db)).toHaveLength(0);
  });

  it('the pending row keeps no unmasked ID number [R-KEEP]', () => {
    const { db, audit } = setup();
    audit.beforeCall('refund.start', {
      input: { settlementId: 4, reason: '患者 500103199001011234 要求退费' },
      session,
    });
    const [row] = pendingRows(db);
    expect(row?.record).not.toContain('500103199001011234');
    expect(row?.record).toContain('退费');
  });

  it('a call left by a dead process becomes an entry marked 中断（结果未知）at the next start; the chain verifies [R-KEEP]', () => {
    const counter = setup();
    const { db, area } = counter;
    leavePending(counter, `${deadPid()}:${randomUUID()}`, { dispensingId: 12 });
    const restarted = area();
    expect(restarted.recoverInterrupted()).toBe(1);
    expect(pendingRows(db)).toHaveLength(0);
    const { entries } = restarted.list({
      from: 0,
      to: Number.MAX_SAFE_INTEGER,
      page: 1,
      pageSize: 10,
    });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      action: 'settle.confirm',
      outcome: 'interrupted',
      outcomeLabel: '中断（结果未知）',
      staffId: 7,
      username: 'yaoshi',
      subject: '调剂#12',
      detail: {
        dispensingId: 12,
        method: 'settle.confirm',
        startedAt: expect.any(String),
        note: expect.stringContaining('结果以业务记录为准'),
      },
    });
    expect(restarted.verify()).toMatchObject({ ok: true, entries: 1 });
    expect(restarted.recoverInterrupted()).toBe(0);
  });

  it('a call of another live process (a CLI beside the app) is left alone; our own pid under another id is a dead predecessor [R-KEEP]', () => {
    const counter = setup();
    const { db, area } = counter;
    leavePending(counter, `${process.ppid}:${randomUUID()}`, { dispensingId: 1 });
    leavePending(counter, `${process.pid}:${randomUUID()}`, { dispensingId: 2 });
    const restarted = area();
    expect(restarted.recoverInterrupted()).toBe(1);
    expect(pendingRows(db).map((r) => r.owner.split(':')[0])).toEqual([String(process.ppid)]);
    const { entries } = restarted.list({
      from: 0,
      to: Number.MAX_SAFE_INTEGER,
      page: 1,
      pageSize: 10,
    });
    expect(entries.map((e) => e.subject)).toEqual(['调剂#2']);
  });

  it('a live call of this very process is never taken for an interrupted one [R-KEEP]', () => {
    const { db, audit, area } = setup();
    audit.beforeCall('dispense.complete', { input: { dispensingId: 5 }, session });
    expect(area().recoverInterrupted()).toBe(0);
    expect(pendingRows(db)).toHaveLength(1);
  });
});

describe('migration 11: audit_log admits the interrupted outcome', () => {
  it('a version-10 chain is carried over unchanged, verifies, and stays append-only [R-KEEP]', () => {
    const t = tempDir('epc-audit-mig-');
    try {
      const v10 = new Database(t.file('v10.db'));
      migrate(v10, MIGRATIONS.slice(0, 10), () => 0);
      const insert = v10.prepare(
        `INSERT INTO audit_log (seq, at, staff_id, username, action, outcome, subject, detail, prev_hash, hash)
         VALUES (@seq, @at, @staffId, @username, @action, @outcome, @subject, @detail, @prevHash, @hash)`,
      );
      for (const r of buildChain(3)) insert.run({ ...r, detail: canonicalJson(r.detail) });
      writeFileSync(
        path.join(t.dir, 'audit-anchor.json'),
        JSON.stringify({ seq: 3, hash: buildChain(3)[2]?.hash, at: 0 }),
      );
      const hashes = v10.prepare('SELECT hash FROM audit_log ORDER BY seq').pluck().all();
      expect(() =>
        v10
          .prepare(
            "INSERT INTO audit_log (seq, at, action, outcome, detail, prev_hash, hash) VALUES (4, 0, 'x', 'interrupted', '{}', ?, ?)",
          )
          .run(hashes[2], 'b'.repeat(64)),
      ).toThrow(/CHECK/);

      // 11 first; later steps (12…) follow it.
      expect(migrate(v10)[0]).toBe(11);
      expect(v10.prepare('SELECT hash FROM audit_log ORDER BY seq').pluck().all()).toEqual(hashes);
      const area11 = createAuditArea({
        db: v10,
        log: silentLogger,
        now: () => new Date(3_000),
        config: { dataDir: t.dir },
      });
      expect(area11.verify()).toMatchObject({ ok: true, entries: 3 });
      area11.record({ action: 'auth.logout', outcome: 'interrupted' });
      expect(area11.verify()).toMatchObject({ ok: true, entries: 4 });
      expect(() => v10.prepare('DELETE FROM audit_log WHERE seq = 1').run()).toThrow('不得删除');
      expect(() => v10.prepare('UPDATE audit_log SET at = 0 WHERE seq = 2').run()).toThrow(
        '不得修改',
      );
      v10.close();
    } finally {
      t.cleanup();
    }
  });
});
