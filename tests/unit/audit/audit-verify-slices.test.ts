import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../src/center/rx/canonical-json';
import type { AuditVerifyView } from '../../../src/contract/types-audit';
import { createAnchorFile } from '../../../src/services/audit/anchor-file';
import {
  verifyAuditTrail,
  verifyAuditTrailInSlices,
} from '../../../src/services/audit/audit-verify';
import { AuditRepository } from '../../../src/store/audit-repository';
import { type Db, openDatabase } from '../../../src/store/database';
import { tempDir } from '../store/temp-dir';
import { buildChain, sm3AuditHasher } from './audit-fixture';

const ENTRIES = 1_500;

describe('audit verify in slices (the running counter keeps answering)', () => {
  const cleanups: Array<() => void> = [];
  afterEach(() => {
    for (const c of cleanups.splice(0)) c();
  });

  function seeded(): { db: Db; deps: Parameters<typeof verifyAuditTrail>[0] } {
    const t = tempDir('epc-audit-slices-');
    const db = openDatabase(t.file('counter.db'));
    cleanups.push(() => {
      db.close();
      t.cleanup();
    });
    const insert = db.prepare(
      `INSERT INTO audit_log (seq, at, staff_id, username, action, outcome, subject, detail, prev_hash, hash)
       VALUES (@seq, @at, @staffId, @username, @action, @outcome, @subject, @detail, @prevHash, @hash)`,
    );
    const rows = buildChain(ENTRIES);
    db.transaction(() => {
      for (const r of rows) insert.run({ ...r, detail: canonicalJson(r.detail) });
    })();
    const head = rows.at(-1);
    writeFileSync(
      path.join(t.dir, 'audit-anchor.json'),
      JSON.stringify({ seq: head?.seq, hash: head?.hash, at: 0 }),
    );
    const deps = {
      repo: new AuditRepository(db),
      anchor: createAnchorFile(t.dir),
      hash: sm3AuditHasher,
    };
    return { db, deps };
  }
  const sameVerdict = (v: AuditVerifyView) => ({ ...v, elapsedMs: 0 });

  const TAMPERINGS: Array<[string, (db: Db) => void]> = [
    ['untouched', () => {}],
    [
      'an edited entry',
      (db) =>
        db.exec(
          `DROP TRIGGER audit_log_no_update; UPDATE audit_log SET detail = '{"n":0}' WHERE seq = 777`,
        ),
    ],
    [
      'a deleted entry',
      (db) => db.exec('DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE seq = 1200'),
    ],
    [
      'a cut-off tail',
      (db) => db.exec('DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE seq > 1400'),
    ],
  ];

  for (const [what, tamper] of TAMPERINGS) {
    it(`gives the same verdict as the one-piece check: ${what} [R-KEEP]`, async () => {
      const { db, deps } = seeded();
      tamper(db);
      const whole = verifyAuditTrail(deps);
      const sliced = await verifyAuditTrailInSlices(deps, { sliceMs: 1 });
      expect(sameVerdict(sliced)).toEqual(sameVerdict(whole));
      expect(whole.ok).toBe(what === 'untouched');
    });
  }

  it('yields to other work before it is done, and ignores entries appended meanwhile [R-KEEP]', async () => {
    const { db, deps } = seeded();
    let otherWorkRan = false;
    setImmediate(() => {
      otherWorkRan = true;
    });
    const pending = verifyAuditTrailInSlices(deps, { sliceMs: 0 });
    const last = buildChain(ENTRIES + 1).at(-1);
    if (!last) throw new Error('no row');
    db.prepare(
      `INSERT INTO audit_log (seq, at, staff_id, username, action, outcome, subject, detail, prev_hash, hash)
       VALUES (@seq, @at, @staffId, @username, @action, @outcome, @subject, @detail, @prevHash, @hash)`,
    ).run({ ...last, detail: canonicalJson(last.detail) });
    const v = await pending;
    expect(otherWorkRan).toBe(true);
    expect(v).toMatchObject({ ok: true, entries: ENTRIES, head: { seq: ENTRIES } });
  });

  it('checks its deadline after every entry, not after every read, so no slice overruns by a read [R-KEEP][issue 20 stalls]', async () => {
    const { deps } = seeded();
    // A ticker that runs once per turn of the event loop: entries hashed between two ticks
    // were hashed in one slice, without the counter getting a word in.
    let tick = 0;
    let ticking = true;
    const spin = () => {
      tick += 1;
      if (ticking) setImmediate(spin);
    };
    setImmediate(spin);
    const perTick = new Map<number, number>();
    const counting: typeof deps.hash = (prevHash, entry) => {
      perTick.set(tick, (perTick.get(tick) ?? 0) + 1);
      return deps.hash(prevHash, entry);
    };
    const v = await verifyAuditTrailInSlices({ ...deps, hash: counting }, { sliceMs: 0 });
    ticking = false;
    expect(v.ok).toBe(true);
    expect(Math.max(...perTick.values())).toBe(1);
  });
});
