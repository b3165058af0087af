import type { z } from 'zod';
import { assertOk, CenterError, type FsiClient } from '../center/fsi-client';
import type { FsiInfno } from '../center/transactions';
import type { AuthenticatedSession } from './auth-service';

/**
 * One e-prescription transaction on the FSI gateway, its reply validated against the shared
 * schema (src/center/rx/fsi-72xx.ts): a reply that does not fit is refused as malformed, so
 * nothing half-read is ever stored or shown.
 */
export async function callRx<S extends z.ZodType>(
  fsi: FsiClient,
  session: AuthenticatedSession,
  signNo: string,
  infno: FsiInfno,
  data: Record<string, string>,
  schema: S,
): Promise<{ output: z.output<S>; raw: unknown }> {
  const res = await fsi.call({
    infno,
    input: { data },
    opter: session.staff.username,
    opterName: session.staff.displayName,
    signNo,
  });
  assertOk(res);
  const parsed = schema.safeParse(res.output);
  if (!parsed.success) {
    const where = parsed.error.issues[0]?.path.join('.') ?? '';
    throw new CenterError('malformed', `${infno} 应答字段不符合约定：${where}`);
  }
  return { output: parsed.data, raw: res.output };
}
