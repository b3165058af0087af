import type { FsiClient } from '../center/fsi-client';
import type { FsiRequest } from '../center/fsi-wrapper';
import { AppError } from '../domain/errors';
import { signInAs } from './center-session';

/**
 * The sign-ins the counter renews once a request's own sign-in has ended at the center (an
 * outage longer than its validity, or a sign-out): queued uploads and synchronous calls alike. One 9001 per operator, kept in
 * memory: after a restart the first refusal teaches it again. Sign-ins it made are not signed
 * out; the center ends them at their validity.
 */
export class DeliverySignIns {
  private readonly live = new Map<string, string>();
  private readonly ended = new Set<string>();
  private readonly signingIn = new Map<string, Promise<string>>();

  constructor(private readonly fsi: FsiClient) {}

  /**
   * Renews the sign-in of a request the center refused for it (FsiClient.renewSignInWith), for
   * synchronous calls and uploads alike; `renewed` moves the sessions that were on it.
   */
  renewer(renewed: (endedSignNo: string, signNo: string) => void) {
    return async (ended: FsiRequest): Promise<string> => {
      this.markEnded(ended.sign_no);
      const signNo = await this.fresh(ended.opter, ended.opter_name);
      renewed(ended.sign_no, signNo);
      return signNo;
    };
  }

  /** The center refused `signNo` as not (or no longer) signed in. */
  markEnded(signNo: string): void {
    this.ended.add(signNo);
    for (const [opter, no] of this.live) if (no === signNo) this.live.delete(opter);
  }

  isEnded(signNo: string): boolean {
    return this.ended.has(signNo);
  }

  /** A live sign-in for the operator who queued the request, signing in (9001) when none is known. */
  fresh(opter: string, opterName: string): Promise<string> {
    const known = this.live.get(opter);
    if (known && !this.ended.has(known)) return Promise.resolve(known);
    // Items delivered side by side share one 9001 rather than each signing in.
    let signingIn = this.signingIn.get(opter);
    if (!signingIn) {
      signingIn = this.signIn(opter, opterName).finally(() => this.signingIn.delete(opter));
      this.signingIn.set(opter, signingIn);
    }
    return signingIn;
  }

  private async signIn(opter: string, opterName: string): Promise<string> {
    const signIn = await signInAs(this.fsi, opter, opterName);
    if (!signIn.signNo)
      throw new AppError('CENTER_UNREACHABLE', signIn.error ?? '医保中心签到失败');
    this.live.set(opter, signIn.signNo);
    return signIn.signNo;
  }
}
