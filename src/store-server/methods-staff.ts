import { type StoreMethod, storeProtocol } from '../contract/store-protocol';
import { storeStaffProtocol } from '../contract/store-protocol-staff';
import { claimNonce } from './auth';
import { type Outcome, runIdempotent } from './idempotent';
import type { MethodContext } from './methods';
import { onDuty, putStaff, recordShifts, rosterAfter, shiftsLast } from './staff-roster';

export type StaffMethod = keyof typeof storeStaffProtocol;

export function isStaffMethod(method: StoreMethod): method is StaffMethod {
  return Object.hasOwn(storeStaffProtocol, method);
}

/** The staff roster and the shifts of every counter; both durable once answered. */
export async function runStaffMethod(
  method: StaffMethod,
  input: unknown,
  ctx: MethodContext,
): Promise<unknown> {
  const me = ctx.counterId;
  const once = (
    key: string,
    apply: (c: Parameters<typeof putStaff>[0]) => Promise<Outcome<unknown>>,
  ) =>
    runIdempotent<unknown>({
      pool: ctx.pool,
      counterId: me,
      nonce: ctx.nonce,
      durable: true,
      method,
      key,
      body: ctx.body,
      apply,
    });
  switch (method) {
    case 'staff.put': {
      const i = storeProtocol[method].input.parse(input);
      return once(i.idempotencyKey, (c) => putStaff(c, me, i.account, i.baseVersion));
    }
    case 'shifts.record': {
      const i = storeProtocol[method].input.parse(input);
      return once(i.idempotencyKey, (c) => recordShifts(c, me, i.shifts));
    }
  }
  await claimNonce(ctx.pool, me, ctx.nonce);
  if (method === 'staff.roster') {
    return rosterAfter(ctx.pool, storeProtocol[method].input.parse(input).afterVersion);
  }
  if (method === 'shifts.last') return shiftsLast(ctx.pool, me);
  return onDuty(ctx.pool);
}
