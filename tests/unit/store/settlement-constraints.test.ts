import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/store/database';
import { SettlementRepository } from '../../../src/store/settlement-repository';
import { tempDir } from './temp-dir';

describe('settlement constraints in the database (migration 12)', () => {
  const cleanups: Array<() => void> = [];
  afterEach(() => {
    for (const c of cleanups.splice(0)) c();
  });

  /** A fresh database with two settling attempts (foreign keys off: only this table is under test). */
  function twoAttempts() {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const db = openDatabase(t.file('counter.db'));
    cleanups.unshift(() => db.close());
    db.pragma('foreign_keys = OFF');
    const repo = new SettlementRepository(db);
    const attempt = (n: number) =>
      repo.insert(
        {
          dispensingId: n,
          hiRxno: `RX${n}`,
          msgid: `H50010300001202612062110000${n}00`,
          request: '{}',
          psnNo: '50000000000000000001',
          insutype: '310',
          insuplcAdmdvs: '500103',
          patientName: '张伟',
          certno: '500103197803151238',
          staffId: 1,
          medfeeFen: 5210,
        },
        1,
      );
    return { repo, a: attempt(1), b: attempt(2) };
  }
  const amounts = (setlId: string, mdtrtId: string, cashFen = 210) => ({
    setlId,
    mdtrtId,
    fundFen: 2000,
    acctFen: 5210 - 2000 - cashFen,
    cashFen,
    reply: {},
    warnMsg: null,
  });

  it('two local settlements can never carry one setl_id [R-SETTLE]', () => {
    const { repo, a, b } = twoAttempts();
    repo.settled(a.id, amounts('S1', 'M1'), 2);
    expect(() => repo.settled(b.id, amounts('S1', 'M2'), 2)).toThrow(/UNIQUE/);
    expect(repo.mustGet(b.id).state).toBe('settling');
  });

  it('a settlement with a negative amount or a split that does not add up is never stored as settled [R-SETTLE]', () => {
    const { repo, a, b } = twoAttempts();
    expect(() => repo.settled(a.id, amounts('S1', 'M1', -5000), 2)).toThrow(/R-SETTLE/);
    expect(() => repo.settled(b.id, { ...amounts('S2', 'M2'), fundFen: 1999 }, 2)).toThrow(
      /R-SETTLE/,
    );
    expect([repo.mustGet(a.id).state, repo.mustGet(b.id).state]).toEqual(['settling', 'settling']);
  });
});
