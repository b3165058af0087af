import { formatBeijingDateTime } from '../policy/beijing-time';
import { citation } from '../rules';
import type { PaperFinding } from './paper-types';

/** What the store server knows of one paper prescription (its `paper.seen` answer, D56). */
export interface PaperSeenAtStore {
  key: string;
  archived: ReadonlyArray<{
    counterId: string;
    capturedAt: number;
    state: 'captured' | 'dispensed';
  }>;
  claim: { counterId: string; claimedAt: number; settledAt: number | null } | null;
}

const at = (ms: number) => formatBeijingDateTime(new Date(ms));
const usedOnce = () => `${citation('R-PAPER-NO')}；${citation('R-STATUS')}`;

/**
 * Findings at capture from the store's knowledge of the same paper at other counters (D56):
 * settled or being dispensed at another counter blocks (a paper prescription is used once;
 * R-PAPER-NO, R-STATUS); archived at another counter only warns — the patient may have left that
 * counter before being served, and the store's claim at dispensing still lets one counter only
 * dispense it. This counter's own earlier capture is the local serial check's (duplicate-serial).
 */
export function seenAtStoreFindings(seen: PaperSeenAtStore, me: string): PaperFinding[] {
  const claim = seen.claim;
  if (claim && claim.counterId !== me) {
    if (claim.settledAt !== null) {
      return [
        {
          ruleId: 'R-PAPER-NO',
          code: 'SETTLED_AT_OTHER_COUNTER',
          severity: 'block',
          message:
            `此纸质处方（${seen.key}）已在柜台 ${claim.counterId} 结算（${at(claim.settledAt)}）：` +
            '一张纸质处方只能使用一次，不得再次受理',
          citation: usedOnce(),
        },
      ];
    }
    return [
      {
        ruleId: 'R-PAPER-NO',
        code: 'DISPENSING_AT_OTHER_COUNTER',
        severity: 'block',
        message:
          `此纸质处方（${seen.key}）已在柜台 ${claim.counterId} 调剂（${at(claim.claimedAt)} 起）：` +
          `一张纸质处方只能使用一次；请到柜台 ${claim.counterId} 继续，或由该柜台取消调剂后再登记`,
        citation: usedOnce(),
      },
    ];
  }
  return seen.archived
    .filter((a) => a.counterId !== me)
    .map((a) => ({
      ruleId: 'R-PAPER-NO',
      code: 'ARCHIVED_AT_OTHER_COUNTER',
      severity: 'warn',
      message:
        `此纸质处方（${seen.key}）已在柜台 ${a.counterId} 归档（${at(a.capturedAt)}）` +
        `${a.state === 'dispensed' ? '，该柜台记为已调剂' : '，尚未调剂'}：` +
        '同一张纸质处方只能使用一次，请核对是否为同一张原件（复印件不得受理）；开始调剂时门店服务器仍会确认没有其他柜台在调剂',
      citation: citation('R-PAPER-NO'),
    }));
}

/** The store could not be asked (offline): said plainly, and what still protects the patient. */
export function storeNotAskedFinding(key: string): PaperFinding {
  return {
    ruleId: 'R-PAPER-NO',
    code: 'STORE_NOT_ASKED',
    severity: 'warn',
    message:
      `未能向门店服务器核对此纸质处方（${key}）是否已在其他柜台归档、调剂或结算（门店服务器无法连接）；` +
      '开始调剂时仍须在门店服务器领取此处方，已在其他柜台调剂或结算的将被拒绝',
    citation: citation('R-PAPER-NO'),
  };
}
