import { randomInt } from 'node:crypto';
import { AppError } from '../domain/errors';
import { isMsgidSlot, MSGID_SLOTS } from '../domain/msgid-slots';
import { compactTime } from './clock';

/**
 * Whose share of an institution's msgid sequences this process may use (D51):
 *   whole       a single counter: every sequence 0000–9999, exactly as before issue 17;
 *   slot        a counter of a store: the thousand sequences slot×1000 … slot×1000+999, its
 *               slot assigned once by the store server, so two counters never clash;
 *   unassigned  a counter of a store that has not learnt its slot yet: no msgid at all.
 */
export type MsgidSpace =
  | { kind: 'whole' }
  | { kind: 'slot'; slot: number }
  | { kind: 'unassigned'; reason: string };

export const WHOLE_MSGID_SPACE: MsgidSpace = { kind: 'whole' };
const SLOT_SIZE = 1000;

/** The refusal of a center call by a counter of a store that does not know its msgid slot. */
export function msgidSlotMissing(reason: string): AppError {
  return new AppError(
    'CONFLICT',
    `本柜台尚未从门店服务器取得报文编号段（${reason}），为免与本店其他柜台的医保报文编号重复，暂不向医保中心发送请求；请确认门店服务器已启动、网络通畅，连通后本柜台会自动取得编号段，无需重新启动`,
    { ruleId: 'R-SETTLE' },
  );
}

/**
 * msgid = fixmedins_code(12) + yyyyMMddHHmmss + 4-digit sequence: the idempotency key of every
 * FSI request. Unique within the process even when its sequences of a second run out or the
 * clock steps back (the generator then borrows the following seconds). Each new second starts at
 * a random sequence in the first half of the space, and a new generator starts at the second
 * after its creation, so that a process restarted after a crash does not repeat a msgid its
 * predecessor used in that second. A slot keeps the first digit of the sequence fixed.
 */
export function createMsgidGenerator(
  fixmedinsCode: string,
  now: () => Date = () => new Date(),
  space: MsgidSpace = WHOLE_MSGID_SPACE,
): () => string {
  if (!/^[0-9A-Za-z]{12}$/.test(fixmedinsCode)) {
    throw new Error(`定点机构编码须为 12 位字母或数字：${fixmedinsCode}`);
  }
  if (space.kind === 'slot' && !isMsgidSlot(space.slot)) {
    throw new Error(`报文编号段须为 0–9：${space.slot}`);
  }
  const base = space.kind === 'slot' ? space.slot * SLOT_SIZE : 0;
  const size = space.kind === 'slot' ? SLOT_SIZE : MSGID_SLOTS * SLOT_SIZE;
  const firstSecond = Math.floor(now().getTime() / 1000) + 1;
  let second = Number.NEGATIVE_INFINITY;
  let seq = 0;
  let firstSeq = 0;
  return () => {
    if (space.kind === 'unassigned') throw msgidSlotMissing(space.reason);
    const current = Math.max(firstSecond, Math.floor(now().getTime() / 1000));
    if (current > second) {
      second = current;
      firstSeq = randomInt(0, size / 2);
      seq = firstSeq;
    } else {
      seq = seq === size - 1 ? 0 : seq + 1;
      if (seq === firstSeq) {
        // every sequence of this second is used: move on to the next second
        second += 1;
        firstSeq = 0;
        seq = 0;
      }
    }
    return `${fixmedinsCode}${compactTime(new Date(second * 1000))}${String(base + seq).padStart(4, '0')}`;
  };
}
