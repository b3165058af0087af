import type { BulkThreadSetup } from '../../center/rx/bulk-thread-verifier';
import type { RxReverifyFailure } from '../../contract/types-reverify';

/** A re-verification job's setup: where the database is and what to judge by. */
export interface ReverifySetup {
  dbFile: string;
  nativeBinding: string | undefined;
  trust: BulkThreadSetup;
}

/** The stored prescriptions of one rowid range. */
export interface ReverifyTask {
  first: number;
  last: number;
}

/** One range's result: counts and the failures only, so the counter does nothing per item. */
export interface ReverifyReply {
  checked: number;
  failures: RxReverifyFailure[];
}
