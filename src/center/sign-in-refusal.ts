import type { FsiResponse } from './fsi-wrapper';

/** `x_err_code` of a refusal whose request carried no live 9001 sign-in (docs/sandbox.md). */
export const SIGN_IN_INVALID = 'SIGN_IN_INVALID';

/** A center that does not send the code still says so in words. */
const SIGN_IN_WORDS = /未签到|签到.{0,6}(失效|过期|超时|无效)|签到编号.{0,6}(不存在|无效)/;

/**
 * The center refused the request because its sign_no is not (or no longer) a live sign-in.
 * Such a refusal is answered before the message is taken for processing, so nothing took effect
 * and the same msgid may be sent again under a fresh sign-in.
 */
export function isSignInRefusal(res: FsiResponse): boolean {
  if (res.infcode === 0 || res.infcode === -1) return false;
  return res.x_err_code === SIGN_IN_INVALID || SIGN_IN_WORDS.test(res.err_msg);
}
