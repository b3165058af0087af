import { detailOf, settlementsIn, statementPeriod } from '../../settlement/statement';
import type { FsiTransaction } from '../context';

/**
 * 3202 对明细账: the center's settlements of the period, one by one, reversed ones included.
 * The national interface exchanges them as a file (file_qury_no); the sandbox answers them
 * inline under `stmt_detail` (docs/sandbox.md).
 */
export const reconDetails3202: FsiTransaction = {
  name: '对明细账',
  requiresSignIn: true,
  run(ctx) {
    const period = statementPeriod(ctx);
    return { output: { stmt_detail: settlementsIn(ctx, period).map(detailOf) } };
  },
};
