import { describe, expect, it } from 'vitest';
import {
  type PaperSeenAtStore,
  seenAtStoreFindings,
} from '../../../src/domain/paper/seen-at-store';

const KEY = 'H50010300001-ZX00000001';
const AT = Date.UTC(2026, 11, 7, 2, 0, 0);
const seen = (over: Partial<PaperSeenAtStore>): PaperSeenAtStore => ({
  key: KEY,
  archived: [],
  claim: null,
  ...over,
});

describe('what the store knows of a paper at capture (D56)', () => {
  it('settled at another counter blocks, naming the counter and the time; in dispensing there blocks too [R-PAPER-NO][R-STATUS]', () => {
    const settled = seenAtStoreFindings(
      seen({ claim: { counterId: 'A', claimedAt: AT, settledAt: AT + 60_000 } }),
      'B',
    );
    expect(settled).toEqual([
      expect.objectContaining({ code: 'SETTLED_AT_OTHER_COUNTER', severity: 'block' }),
    ]);
    expect(settled[0]?.message).toContain('已在柜台 A 结算（2026-12-07 10:01:00）');
    expect(settled[0]?.citation).toContain('R-STATUS');
    const held = seenAtStoreFindings(
      seen({ claim: { counterId: 'A', claimedAt: AT, settledAt: null } }),
      'B',
    );
    expect(held.map((f) => [f.code, f.severity])).toEqual([
      ['DISPENSING_AT_OTHER_COUNTER', 'block'],
    ]);
  });

  it('archived at another counter only warns; this counter’s own archive and claim are the local checks’ [R-PAPER-NO]', () => {
    const archived = seenAtStoreFindings(
      seen({
        archived: [
          { counterId: 'A', capturedAt: AT, state: 'captured' },
          { counterId: 'B', capturedAt: AT, state: 'captured' },
        ],
      }),
      'B',
    );
    expect(archived.map((f) => [f.code, f.severity])).toEqual([
      ['ARCHIVED_AT_OTHER_COUNTER', 'warn'],
    ]);
    expect(archived[0]?.message).toContain('已在柜台 A 归档（2026-12-07 10:00:00），尚未调剂');
    const mine = seenAtStoreFindings(
      seen({
        archived: [{ counterId: 'B', capturedAt: AT, state: 'dispensed' }],
        claim: { counterId: 'B', claimedAt: AT, settledAt: AT },
      }),
      'B',
    );
    expect(mine).toEqual([]);
  });
});
