import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/domain/errors';
import {
  assertTransition,
  canTransition,
  INITIAL_STATES,
  type Machine,
  TRANSITIONS,
} from '../../../src/domain/lifecycle/transitions';

/** Every state a machine can reach from its initial state through its table. */
function reachable(machine: Machine): string[] {
  const table = TRANSITIONS[machine] as Record<string, readonly string[]>;
  const seen = new Set<string>([INITIAL_STATES[machine]]);
  const todo = [INITIAL_STATES[machine] as string];
  for (let s = todo.pop(); s !== undefined; s = todo.pop()) {
    for (const next of table[s] ?? []) {
      if (!seen.has(next)) {
        seen.add(next);
        todo.push(next);
      }
    }
  }
  return [...seen].sort();
}

describe('lifecycle transition tables', () => {
  it('a settlement moves settling → settled | refused | outcome_unknown, is voided or refunded only through its 2601 / 2103 states [ARCH][R-SETTLE][R-REVERSE]', () => {
    expect(TRANSITIONS.settlement).toEqual({
      settling: ['settled', 'refused', 'outcome_unknown'],
      settled: ['refunding'],
      refused: [],
      outcome_unknown: ['voided'],
      voided: [],
      refunding: ['refunded', 'settled', 'refund_unknown'],
      refund_unknown: ['settled'],
      refunded: [],
    });
    expect(reachable('settlement')).toEqual(Object.keys(TRANSITIONS.settlement).sort());
  });

  it('a dispensing is completed or cancelled while open; a completed one is returned, or cancelled while held [ARCH][R-REVERSE][R-STOCK]', () => {
    expect(TRANSITIONS.dispensing).toEqual({
      open: ['completed', 'cancelled'],
      completed: ['returned', 'cancelled'],
      cancelled: [],
      returned: [],
    });
    expect(reachable('dispensing')).toEqual(Object.keys(TRANSITIONS.dispensing).sort());
  });

  it('a paper prescription is dispensed once and stays so [ARCH][R-PAPER-KEEP]', () => {
    expect(TRANSITIONS.paper).toEqual({ captured: ['dispensed'], dispensed: [] });
    expect(reachable('paper')).toEqual(['captured', 'dispensed']);
  });

  it('a per-sale upload waits for the settlement, is queued, then delivered [ARCH][R-SALES-UP]', () => {
    expect(TRANSITIONS.upload).toEqual({
      waiting: ['queued'],
      queued: ['delivered'],
      delivered: [],
    });
    expect(reachable('upload')).toEqual(['delivered', 'queued', 'waiting']);
  });

  it('a complaint is checked, then corrected or passed to the agency (at once when outside the remit), then closed; nothing skips the check or reopens [ARCH][R-COMPLAINT]', () => {
    expect(TRANSITIONS.complaint).toEqual({
      received: ['checking', 'referred'],
      checking: ['corrected', 'referred'],
      corrected: ['closed'],
      referred: ['closed'],
      closed: [],
    });
    expect(reachable('complaint')).toEqual(Object.keys(TRANSITIONS.complaint).sort());
    expect(() => assertTransition('complaint', 'received', 'closed')).toThrow(
      '投诉举报不能从「已登记」变为「已办结」',
    );
  });

  it('allows exactly the listed moves and refuses any other with a Chinese CONFLICT [ARCH]', () => {
    for (const machine of Object.keys(TRANSITIONS) as Machine[]) {
      const table = TRANSITIONS[machine] as Record<string, readonly string[]>;
      const states = Object.keys(table);
      for (const from of states) {
        for (const to of states) {
          const listed = table[from]?.includes(to) ?? false;
          const check = canTransition as (m: Machine, f: string, t: string) => boolean;
          expect(check(machine, from, to), `${machine}: ${from} → ${to}`).toBe(listed);
        }
      }
    }
    expect(() => assertTransition('settlement', 'settling', 'settled')).not.toThrow();
    let thrown: unknown;
    try {
      assertTransition('settlement', 'refunded', 'settled');
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(AppError);
    expect((thrown as AppError).code).toBe('CONFLICT');
    expect((thrown as AppError).message).toBe(
      '结算不能从「已退费」变为「已结算」：该状态变化未被允许',
    );
    expect(() => assertTransition('dispensing', 'cancelled', 'completed')).toThrow(
      '调剂单不能从「已取消」变为「已完成调剂」',
    );
  });
});
