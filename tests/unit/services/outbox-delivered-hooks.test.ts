import { describe, expect, expectTypeOf, it } from 'vitest';
import { QUEUED_INFNOS, type QueuedInfno } from '../../../src/center/transactions';
import { type DeliveredHooks, deliveredHooks } from '../../../src/services/outbox-delivered-hooks';

const hook = () => undefined;

describe('the delivery hooks of queued transactions', () => {
  it('decides a delivery hook (or none) for every queued transaction of the catalogue [ARCH]', () => {
    expectTypeOf<keyof DeliveredHooks>().toEqualTypeOf<QueuedInfno>();
    const hooks = deliveredHooks({
      review: { '7206': hook },
      settlement: { '2601': hook, '7207': hook, '3505': hook },
    });
    expect(Object.keys(hooks).sort()).toEqual([...QUEUED_INFNOS].sort());
    expect(
      Object.entries(hooks)
        .filter(([, h]) => h !== null)
        .map(([k]) => k)
        .sort(),
    ).toEqual(['2601', '3505', '7206', '7207']);
    const { '7207': saleHook, ...withoutSaleHook } = hooks;
    // @ts-expect-error a map without a decision for 7207 does not compile
    const missing: DeliveredHooks = withoutSaleHook;
    expect(saleHook).toBe(hook);
    expect(Object.keys(missing)).not.toContain('7207');
  });
});
