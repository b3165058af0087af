import { dateTime } from '../../center/clock';
import { assertOk, CenterError, type FsiClient } from '../../center/fsi-client';
import { TRANSACTIONS } from '../../center/transactions';
import type { Record5205 } from '../../center/transactions/medication-records-5205';
import type { AuthenticatedSession, AuthService } from '../auth-service';

export type { Record5205 };

export type CenterHistory =
  | { state: 'answered'; records: Record5205[] }
  | { state: 'unreachable' | 'refused'; message: string };

/** How long the history screen waits for the center before showing local history only. */
export const CENTER_HISTORY_TIMEOUT_MS = 2_500;

/** Asks the center for the patient's medication records of the last `days` days (5205). */
export async function queryCenterHistory(
  deps: { fsi: FsiClient; auth: AuthService; now: () => Date },
  session: AuthenticatedSession,
  who: { psnNo: string; insuplcAdmdvs: string | undefined },
  days: number,
): Promise<CenterHistory> {
  const at = deps.now();
  const call = async (): Promise<CenterHistory> => {
    const signNo = await deps.auth.ensureSignedIn(session);
    const res = await deps.fsi.call({
      infno: '5205',
      input: {
        data: {
          psn_no: who.psnNo,
          begntime: dateTime(new Date(at.getTime() - days * 86_400_000)),
          endtime: dateTime(at),
        },
      },
      opter: session.staff.username,
      opterName: session.staff.displayName,
      signNo,
      ...(who.insuplcAdmdvs ? { insuplcAdmdvs: who.insuplcAdmdvs } : {}),
    });
    assertOk(res);
    const parsed = TRANSACTIONS['5205'].output.safeParse(res.output);
    if (!parsed.success)
      return { state: 'refused', message: '医保中心用药记录应答格式不符，已忽略' };
    return { state: 'answered', records: parsed.data.feedetail };
  };
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<CenterHistory>((resolve) => {
    timer = setTimeout(
      () => resolve({ state: 'unreachable', message: '医保中心用药记录查询超时，仅显示本店记录' }),
      CENTER_HISTORY_TIMEOUT_MS,
    );
  });
  try {
    return await Promise.race([call(), timeout]);
  } catch (err) {
    if (err instanceof CenterError && err.kind === 'business') {
      return { state: 'refused', message: `医保中心拒绝查询用药记录：${err.message}` };
    }
    return { state: 'unreachable', message: '医保中心暂不可达，仅显示本店用药记录' };
  } finally {
    clearTimeout(timer);
  }
}
