import { describe, expect, it } from 'vitest';
import {
  checkWitness,
  formatWitness,
  groupedHash,
  parseWitness,
} from '../../../src/domain/audit/audit-witness';

const HASH = '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08';

describe('audit head slip (链尾凭条)', () => {
  it('reads the check code as printed: grouped by eight, upper case, a full-width colon [R-KEEP]', () => {
    const printed = `1234：${groupedHash(HASH).toUpperCase()}`;
    expect(groupedHash(HASH).split(' ')).toHaveLength(8);
    expect(parseWitness(printed)).toEqual({ seq: 1234, hash: HASH });
    expect(parseWitness(formatWitness({ seq: 7, hash: HASH }))).toEqual({ seq: 7, hash: HASH });
  });

  it('refuses what is no check code [R-KEEP]', () => {
    for (const bad of ['', HASH, `0:${HASH}`, `12:${HASH.slice(1)}`, `12:${HASH}0`, `x:${HASH}`])
      expect(parseWitness(bad), bad).toBeNull();
  });

  it('tells a matching, a changed and a missing entry apart [R-KEEP]', () => {
    const w = { seq: 5, hash: HASH };
    expect(checkWitness(w, HASH)).toMatchObject({ status: 'ok' });
    expect(checkWitness(w, 'a'.repeat(64))).toMatchObject({
      status: 'mismatch',
      message: expect.stringContaining('第 5 条的摘要与凭条不符'),
    });
    expect(checkWitness(w, null)).toMatchObject({
      status: 'missing',
      message: expect.stringContaining('没有凭条上的第 5 条'),
    });
  });
});
