/**
 * Whether the center answers at all (issue 19 item 12): every FSI exchange reports here. A
 * reply of any kind, a business refusal included, is an answer; a refused connection, a
 * timeout or a gateway 5xx is not. After `threshold` such failures in a row the center counts
 * as offline until its next answer.
 */
export interface CenterReachabilityView {
  offline: boolean;
  /** Epoch ms of the first failure of the current run; null while the center answers. */
  failingSince: number | null;
  consecutiveFailures: number;
  /** The last failure as the transport said it (a details line, never the message). */
  lastFailure: string | null;
}

export const OFFLINE_AFTER_FAILURES = 2;

export class CenterReachability {
  private failures = 0;
  private since: number | null = null;
  private last: string | null = null;

  constructor(private readonly threshold: number = OFFLINE_AFTER_FAILURES) {}

  answered(): void {
    this.failures = 0;
    this.since = null;
    this.last = null;
  }

  failed(at: number, detail: string): void {
    this.failures += 1;
    this.since ??= at;
    this.last = detail;
  }

  view(): CenterReachabilityView {
    return {
      offline: this.failures >= this.threshold,
      failingSince: this.since,
      consecutiveFailures: this.failures,
      lastFailure: this.last,
    };
  }
}
