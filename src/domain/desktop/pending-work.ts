/** What the counter is still doing that closing the app would interrupt or postpone. */
export interface PendingWork {
  /** Uploads the center has not yet received (waiting or in flight; parked ones excluded). */
  uploadsPending: number;
  /** 2102 settlements or 2103 refunds sent and not yet answered. */
  settlementsInProgress: number;
  /** Settlements whose outcome is unknown: their 2601 reversal has not been answered yet. */
  outcomesUnknown: number;
}

export type CloseDecision =
  | { action: 'close' }
  | { action: 'ask'; message: string; details: string[] };

/**
 * Whether closing the window may go ahead at once or must ask first, and what to say: each kind
 * of pending work in words, and what happens to it after closing. Nothing is lost either way
 * (the outbox and the unknown-outcome reversal resume at the next start); the question is only
 * whether the pharmacist wants to wait for it.
 */
export function decideClose(work: PendingWork): CloseDecision {
  const details: string[] = [];
  if (work.settlementsInProgress > 0) {
    details.push(
      `${work.settlementsInProgress} 笔结算/退费正在等待医保中心答复；现在退出，其结果将记为“结果未知”并在下次启动后冲正`,
    );
  }
  if (work.outcomesUnknown > 0) {
    details.push(`${work.outcomesUnknown} 笔结果未知的结算尚未冲正完毕；下次启动后继续处理`);
  }
  if (work.uploadsPending > 0) {
    details.push(`${work.uploadsPending} 条上传尚未送达医保中心；下次启动后继续发送`);
  }
  if (details.length === 0) return { action: 'close' };
  const busy = work.settlementsInProgress > 0 ? '结算正在进行' : '还有未完成的工作';
  return { action: 'ask', message: `${busy}，确定要退出柜台程序吗？`, details };
}
