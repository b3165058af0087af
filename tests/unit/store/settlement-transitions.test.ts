import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../src/domain/errors';
import { openDatabase } from '../../../src/store/database';
import { SettlementRepository } from '../../../src/store/settlement-repository';
import { tempDir } from './temp-dir';

describe('settlement state changes in the store go through the transition table', () => {
  const cleanups: Array<() => void> = [];
  afterEach(() => {
    for (const c of cleanups.splice(0)) c();
  });

  /** A fresh database with one settling attempt (foreign keys off: only this table is under test). */
  function oneAttempt() {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const db = openDatabase(t.file('counter.db'));
    cleanups.unshift(() => db.close());
    db.pragma('foreign_keys = OFF');
    const repo = new SettlementRepository(db);
    const s = repo.insert(
      {
        dispensingId: 1,
        hiRxno: 'RX1',
        msgid: 'H500103000012026120621100000100',
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
    return { repo, s };
  }

  it('refuses a move the table does not list and stores nothing [ARCH][R-SETTLE][R-REVERSE]', () => {
    const { repo, s } = oneAttempt();
    expect(() => repo.setState(s.id, 'settling', 'refunded', 2)).toThrow(AppError);
    expect(() => repo.setState(s.id, 'settling', 'voided', 2)).toThrow(
      '结算不能从「结算中」变为「已冲正（未结算）」',
    );
    expect(repo.mustGet(s.id).state).toBe('settling');
  });

  it('makes a listed move from the state the caller saw [ARCH][R-SETTLE]', () => {
    const { repo, s } = oneAttempt();
    expect(repo.setState(s.id, 'settling', 'outcome_unknown', 2)).toBe(true);
    expect(repo.setState(s.id, 'settling', 'outcome_unknown', 3)).toBe(false);
    expect(repo.setState(s.id, 'outcome_unknown', 'voided', 4)).toBe(true);
    expect(repo.mustGet(s.id).state).toBe('voided');
  });
});
