import { describe, expect, it } from 'vitest';
import { parseCompactTime } from '../../../src/center/clock';
import { createMsgidGenerator } from '../../../src/center/msgid';
import { AppError } from '../../../src/domain/errors';

const CODE = 'P50010300001';
const sequenceOf = (msgid: string) => Number(msgid.slice(26));

describe('msgid slots of the counters of one store (D51)', () => {
  it('two counters with different slots never build the same msgid in the same seconds, over 100 000 ids each [R-SETTLE][R-SALES-UP]', () => {
    let now = new Date('2026-12-07T04:00:00.100Z');
    const clock = () => now;
    const a = createMsgidGenerator(CODE, clock, { kind: 'slot', slot: 3 });
    const b = createMsgidGenerator(CODE, clock, { kind: 'slot', slot: 4 });
    const seenA = new Set<string>();
    const seenB = new Set<string>();
    for (let i = 0; i < 100_000; i++) {
      seenA.add(a());
      seenB.add(b());
      // the clock steps back once, halfway: each generator borrows its following seconds
      if (i === 50_000) now = new Date('2026-12-07T03:59:58.000Z');
    }
    expect(seenA.size).toBe(100_000);
    expect(seenB.size).toBe(100_000);
    for (const id of seenA) expect(seenB.has(id)).toBe(false);
    for (const id of seenA) expect(id[26]).toBe('3');
    for (const id of seenB) expect(id[26]).toBe('4');
    for (const id of seenB) expect(parseCompactTime(id.slice(12, 26))).not.toBeNull();
  });

  it("keeps the slot's digit first and starts each second in the slot's lower half [R-SETTLE]", () => {
    const at = new Date('2026-12-07T04:00:00Z');
    for (let slot = 0; slot < 10; slot++) {
      const next = createMsgidGenerator(CODE, () => at, { kind: 'slot', slot });
      const id = next();
      expect(id).toHaveLength(30);
      expect(id.slice(0, 26)).toBe(`${CODE}20261207120001`);
      expect(sequenceOf(id)).toBeGreaterThanOrEqual(slot * 1000);
      expect(sequenceOf(id)).toBeLessThan(slot * 1000 + 500);
    }
    expect(() => createMsgidGenerator(CODE, () => at, { kind: 'slot', slot: 10 })).toThrow(/0–9/);
  });

  it("a slot's generator restarted after a crash does not repeat its predecessor's msgids [R-SETTLE][R-SALES-UP]", () => {
    let now = new Date('2026-12-07T04:00:00.100Z');
    const before = createMsgidGenerator(CODE, () => now, { kind: 'slot', slot: 7 });
    // a busy second: nearly all of the slot's thousand sequences used
    const used = new Set(Array.from({ length: 990 }, () => before()));
    now = new Date('2026-12-07T04:00:01.400Z');
    const after = createMsgidGenerator(CODE, () => now, { kind: 'slot', slot: 7 });
    for (let i = 0; i < 990; i++) expect(used.has(after())).toBe(false);
  });

  it('a single counter keeps the whole sequence space as before: any first digit, a start below 5000 [R-SETTLE]', () => {
    let t = Date.parse('2026-12-07T04:00:00Z');
    const next = createMsgidGenerator(CODE, () => new Date(t));
    const firsts = new Set<number>();
    const starts: number[] = [];
    for (let s = 0; s < 400; s++) {
      t += 1000;
      starts.push(sequenceOf(next()));
    }
    const burst = Array.from({ length: 9_000 }, () => next());
    for (const id of burst) firsts.add(Number(id[26]));
    expect(Math.max(...starts)).toBeLessThan(5000);
    expect(Math.max(...starts)).toBeGreaterThanOrEqual(1000);
    expect(firsts.size).toBe(10);
  });

  it('a counter of a store without a slot builds no msgid: a Chinese refusal naming the cause [R-SETTLE]', () => {
    const next = createMsgidGenerator(CODE, () => new Date(), {
      kind: 'unassigned',
      reason: '门店服务器无法连接',
    });
    let refusal: unknown;
    try {
      next();
    } catch (e) {
      refusal = e;
    }
    expect(refusal).toBeInstanceOf(AppError);
    const shape = (refusal as AppError).toShape();
    expect(shape.message).toMatch(/尚未从门店服务器取得报文编号段（门店服务器无法连接）/);
    expect(shape.ruleId).toBe('R-SETTLE');
    expect(shape.citation).toBeTruthy();
  });
});
