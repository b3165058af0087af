/**
 * The center's business clock: real time plus an offset set through `POST /x/sandbox/clock`
 * (tests and demo data, e.g. a prescription uploaded "10 days ago"). It drives the times the
 * e-prescription center and the FSI transactions record and judge (ctx.now). Transport checks
 * (TIF timestamps, nonces, sign-in age) and the CA (certificates, CRLs) keep real time.
 * The offset lives in memory only: a restart resets it.
 */
export class SandboxClock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  get offset(): number {
    return this.offsetMs;
  }

  set(offsetMs: number): void {
    this.offsetMs = offsetMs;
  }

  reset(): void {
    this.offsetMs = 0;
  }
}
