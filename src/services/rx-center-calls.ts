import type { z } from 'zod';
import { assertOk, CenterError, type FsiClient } from '../center/fsi-client';
import { TRANSACTIONS, type TransactionOutput } from '../center/transactions';
import type { AuthenticatedSession } from './auth-service';

type RxInfno = '7201' | '7202' | '7203' | '7204' | '7205';

/**
 * One e-prescription transaction on the FSI gateway, its reply validated against the output
 * schema of its catalogue entry: a reply that does not fit is refused as malformed, so nothing
 * half-read is ever stored or shown.
 */
export async function callRx<K extends RxInfno>(
  fsi: FsiClient,
  session: AuthenticatedSession,
  signNo: string,
  infno: K,
  data: Record<string, string>,
): Promise<{ output: TransactionOutput<K>; raw: unknown }> {
  const schema: z.ZodType = TRANSACTIONS[infno].output;
  const res = await fsi.call<RxInfno>({
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
  return { output: parsed.data as TransactionOutput<K>, raw: res.output };
}
