import { describe, expect, it } from 'vitest';
import { CenterClock, compactTimeMs } from '../../../src/center/clock';

describe('the center’s clock as its replies state it', () => {
  const local = new Date('2026-03-01T09:00:00.000+08:00');

  it('is the local clock until a reply is seen, then moves by the reply’s offset [R-VALID]', () => {
    let now = local;
    const clock = new CenterClock(() => now);
    expect(clock.now()).toEqual(local);
    clock.observe(compactTimeMs(new Date(local.getTime() + 25 * 3_600_000 + 250)));
    expect(clock.now().getTime() - local.getTime()).toBe(25 * 3_600_000 + 250);
    now = new Date(local.getTime() + 1000);
    expect(clock.now().getTime() - local.getTime()).toBe(25 * 3_600_000 + 1250);
  });

  it('ignores a missing or malformed respond_time [R-VALID]', () => {
    const clock = new CenterClock(() => local);
    for (const bad of ['', '20260230090000000', '2026030109000', 'x'.repeat(17)]) {
      clock.observe(bad);
      expect(clock.now()).toEqual(local);
    }
  });
});
