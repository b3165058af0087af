import { type AuditHasher, type AuditRow, GENESIS_HASH } from './audit-entry';

export interface ChainBreak {
  /** The first entry that does not verify; for a gap, the first missing seq. */
  seq: number;
  reason: string;
}

export interface ChainHead {
  seq: number;
  hash: string;
}

export interface ChainCheck {
  entries: number;
  head: ChainHead | null;
  firstBroken: ChainBreak | null;
  /** The stored hash of each seq asked for in `remember` (for the anchor comparison). */
  remembered: ReadonlyMap<number, string>;
}

/**
 * Walks the rows in seq order, one at a time (so a long log is never held in memory and a walk
 * can pause between slices), and reports the first broken link: a content change (the stored
 * hash no longer matches), a missing entry (a gap in seq), a swapped or replaced predecessor
 * (prev_hash does not match), or a missing start of the chain (the first entry is not the
 * genesis entry).
 */
export class ChainWalker {
  private entries = 0;
  private prev: ChainHead | null = null;
  private firstBroken: ChainBreak | null = null;
  private readonly remembered = new Map<number, string>();

  constructor(
    private readonly hash: AuditHasher,
    private readonly remember: ReadonlySet<number> = new Set(),
  ) {}

  feed(row: AuditRow): void {
    this.entries++;
    if (this.remember.has(row.seq)) this.remembered.set(row.seq, row.hash);
    if (!this.firstBroken)
      this.firstBroken = linkBreak(this.prev, row) ?? contentBreak(row, this.hash);
    this.prev = { seq: row.seq, hash: row.hash };
  }

  result(): ChainCheck {
    return {
      entries: this.entries,
      head: this.prev,
      firstBroken: this.firstBroken,
      remembered: this.remembered,
    };
  }
}

/** The whole walk at once. */
export function checkChain(
  rows: Iterable<AuditRow>,
  hash: AuditHasher,
  remember: ReadonlySet<number> = new Set(),
): ChainCheck {
  const walker = new ChainWalker(hash, remember);
  for (const row of rows) walker.feed(row);
  return walker.result();
}

function linkBreak(prev: ChainHead | null, row: AuditRow): ChainBreak | null {
  if (!prev) {
    if (row.seq !== 1)
      return { seq: 1, reason: `审计链从第 ${row.seq} 条开始：第 1 至 ${row.seq - 1} 条被删除` };
    if (row.prevHash !== GENESIS_HASH)
      return { seq: 1, reason: '第 1 条的前序摘要不是创世值：链首被替换' };
    return null;
  }
  if (row.seq !== prev.seq + 1) {
    const missing =
      row.seq - 1 === prev.seq + 1
        ? `第 ${prev.seq + 1} 条`
        : `第 ${prev.seq + 1}–${row.seq - 1} 条`;
    return { seq: prev.seq + 1, reason: `缺少${missing}：记录被删除` };
  }
  if (row.prevHash !== prev.hash) {
    return {
      seq: row.seq,
      reason: `第 ${row.seq} 条的前序摘要与第 ${prev.seq} 条不符：第 ${prev.seq} 条被改动后重算了摘要，或记录被替换、调换顺序`,
    };
  }
  return null;
}

function contentBreak(row: AuditRow, hash: AuditHasher): ChainBreak | null {
  let expected: string;
  try {
    expected = hash(row.prevHash, row);
  } catch {
    return {
      seq: row.seq,
      reason: `第 ${row.seq} 条的内容无法规范化（不是合法 JSON）：记录被改动`,
    };
  }
  if (expected !== row.hash)
    return { seq: row.seq, reason: `第 ${row.seq} 条的内容与其摘要不符：记录被改动` };
  return null;
}
