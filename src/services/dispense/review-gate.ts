import type { Db } from '../../store/database';

/** Whether a prescription's review (审方, the review area's 7206) passed: dispensing needs it. */
export interface ReviewGate {
  isReviewPassed(hiRxno: string): { passed: boolean; reason: string };
}

/**
 * Reads the review area's table (migration 3: `rx_reviews`, `hi_rxno`, `result` 'pass' | 'reject';
 * the live review has `superseded_at` NULL). Until that table exists every prescription is refused
 * with a clear message.
 */
export function createTableReviewGate(db: Db): ReviewGate {
  const hasTable = () =>
    db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'rx_reviews'").get() !==
    undefined;
  return {
    isReviewPassed(hiRxno) {
      if (!hasTable()) {
        return { passed: false, reason: '审方功能尚未启用：处方须经药师审核通过后才能调剂' };
      }
      const row = db
        .prepare('SELECT result FROM rx_reviews WHERE hi_rxno = ? AND superseded_at IS NULL')
        .get(hiRxno) as { result: string } | undefined;
      if (!row) return { passed: false, reason: '该处方尚未审方：须经药师审核通过后才能调剂' };
      if (row.result !== 'pass') {
        return { passed: false, reason: '该处方审方未通过（已驳回），不得调剂' };
      }
      return { passed: true, reason: '审方已通过' };
    },
  };
}
