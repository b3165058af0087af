import { afterEach, describe, expect, it } from 'vitest';
import { nextCounter, openSandboxDb, type SandboxDb } from '../../../src/sandbox/db';

describe('sandbox center database: statements compiled once', () => {
  let db: SandboxDb | null = null;
  afterEach(() => {
    db?.close();
    db = null;
  });

  it('hands out the statement compiled for the same SQL again, in its default modes [ARCH][issue 20 drain]', () => {
    db = openSandboxDb(':memory:');
    const sql = 'SELECT name, value FROM counters WHERE name = ?';
    const first = db.prepare(sql);
    expect(db.prepare(sql)).toBe(first);
    nextCounter(db, 'rx');
    nextCounter(db, 'rx');
    // A caller that plucked it does not change what the next caller gets.
    expect(db.prepare(sql).pluck().get('rx')).toBe('rx');
    expect(db.prepare(sql).get('rx')).toEqual({ name: 'rx', value: 2 });
    expect(db.prepare(sql).raw().get('rx')).toEqual(['rx', 2]);
    expect(db.prepare(sql).get('rx')).toEqual({ name: 'rx', value: 2 });
    // Writes through a reused statement still count once each.
    expect(nextCounter(db, 'rx')).toBe(3);
    expect(nextCounter(db, 'rx')).toBe(4);
  });
});
