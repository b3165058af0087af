import { describe, expect, it } from 'vitest';
import { createTableReviewGate } from '../../../src/services/dispense/review-gate';
import { openDatabase } from '../../../src/store/database';

describe('review gate over the review area’s table', () => {
  it('refuses a prescription without a live passed review [R-OPINION][ARCH]', () => {
    const db = openDatabase(':memory:');
    const gate = createTableReviewGate(db);
    const r = gate.isReviewPassed('RX-NONE');
    expect(r.passed).toBe(false);
    expect(r.reason).toMatch(/审方/);
    db.close();
  });
});
