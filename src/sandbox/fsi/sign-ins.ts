import type { SandboxConfig } from '../config';
import type { SandboxDb } from '../db';

export interface SignInRow {
  sign_no: string;
  fixmedins_code: string;
  opter_no: string;
  sign_time: string;
  signed_in_at: number;
  signed_out: number;
}

/** The refusal of a request whose sign_no is unknown, signed out or older than its validity. */
export const SIGN_IN_INVALID_MESSAGE = '未签到或签到已失效，请先签到（9001）';

/** A sign-in of this institution that is neither signed out nor older than its validity. */
export function findLiveSignIn(
  db: SandboxDb,
  config: SandboxConfig,
  fixmedinsCode: string,
  signNo: string,
  nowMs: number,
): SignInRow | null {
  if (!signNo) return null;
  const row = db
    .prepare('SELECT * FROM sign_ins WHERE sign_no = ? AND fixmedins_code = ? AND signed_out = 0')
    .get(signNo, fixmedinsCode) as SignInRow | undefined;
  if (!row) return null;
  const validMs = config.fsi.signInValidHours * 3600_000;
  return nowMs - row.signed_in_at <= validMs ? row : null;
}
