/** One stored prescription that no longer verifies (R-SIGN): no patient data, the number names it. */
export interface RxReverifyFailure {
  hiRxno: string;
  fixmedinsName: string;
  /** The verdict code (RX_VERDICT_CODES) or FIELDS_ALTERED. */
  code: string;
  /** Chinese: why it fails now. */
  reason: string;
  ruleId: string;
}

/** rx.reverifyAll: every stored prescription verified again against today's trust store. */
export interface RxReverifySummary {
  checked: number;
  passed: number;
  failed: number;
  /** The first failures by prescription number (at most MAX_LISTED_FAILURES). */
  failures: RxReverifyFailure[];
  /** Worker threads that did the work. */
  threads: number;
  ms: number;
  /** The moment the certificates and CRLs were judged at (epoch ms). */
  atMs: number;
}
