import type { RuleId } from '../domain/rules';

/** Answers of the store server's prescription claims (store-protocol-rx.ts). */

/** Who holds a prescription at the store, and since when (ms since epoch). */
export interface RxHolder {
  counterId: string;
  claimedAt: number;
  /** ms since epoch of its settlement at that counter; null while it is being dispensed */
  settledAt: number | null;
}

export type RxClaimAnswer =
  | {
      verdict: 'claimed';
      hiRxno: string;
      holder: RxHolder /** this request made the claim */;
      fresh: boolean;
    }
  | {
      verdict: 'refused';
      hiRxno: string;
      holder: RxHolder;
      ruleId: RuleId;
      citation: string;
      message: string;
    };

export type RxReleaseAnswer =
  | { verdict: 'released' | 'not-held'; hiRxno: string }
  | { verdict: 'refused'; hiRxno: string; ruleId: RuleId; citation: string; message: string };

/** This counter's unsettled claims (a cancel whose release did not reach the store stays here). */
export interface RxHeldAnswer {
  held: Array<{ hiRxno: string; claimedAt: number }>;
  serverTime: number;
}
