import { randomInt } from 'node:crypto';
import { compactTime } from './clock';

const MAX_SEQ = 9999;

/**
 * msgid = fixmedins_code(12) + yyyyMMddHHmmss + 4-digit sequence: the idempotency key of every
 * FSI request. Unique within the process even above 10 000 requests a second or when the clock
 * steps back (the generator then borrows the following seconds). Each new second starts at a
 * random sequence, and a new generator starts at the second after its creation, so that a
 * process restarted after a crash does not repeat a msgid its predecessor used in that second.
 */
export function createMsgidGenerator(
  fixmedinsCode: string,
  now: () => Date = () => new Date(),
): () => string {
  if (!/^[0-9A-Za-z]{12}$/.test(fixmedinsCode)) {
    throw new Error(`定点机构编码须为 12 位字母或数字：${fixmedinsCode}`);
  }
  const firstSecond = Math.floor(now().getTime() / 1000) + 1;
  let second = Number.NEGATIVE_INFINITY;
  let seq = 0;
  let firstSeq = 0;
  return () => {
    const current = Math.max(firstSecond, Math.floor(now().getTime() / 1000));
    if (current > second) {
      second = current;
      firstSeq = randomInt(0, 5000);
      seq = firstSeq;
    } else {
      seq = seq === MAX_SEQ ? 0 : seq + 1;
      if (seq === firstSeq) {
        // every sequence of this second is used: move on to the next second
        second += 1;
        firstSeq = 0;
        seq = 0;
      }
    }
    return `${fixmedinsCode}${compactTime(new Date(second * 1000))}${String(seq).padStart(4, '0')}`;
  };
}
