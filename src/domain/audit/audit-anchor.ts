import type { ChainCheck } from './audit-chain';

/**
 * The last seq and hash, written outside the database after every append. An attacker who can
 * edit the database can also recompute a consistent tail (SM3 is public), or cut it off; the
 * anchor catches both as long as it was not rewritten too. Its limits: whoever can write the
 * data folder can rewrite the anchor as well; only a copy of the head kept elsewhere (printed,
 * sent to the center) would catch that.
 */
export interface AuditAnchor {
  seq: number;
  hash: string;
  at: number;
}

export type AnchorStatus =
  | 'ok' // the head is the anchored entry
  | 'behind' // entries after the anchored one (a crash between commit and anchor write)
  | 'empty' // no entries and no anchor: a new installation
  | 'missing' // entries but no anchor file
  | 'unreadable'
  | 'truncated' // the anchored entry is gone: the tail was cut off
  | 'rewritten'; // the anchored entry has another hash: the tail was recomputed

export interface AnchorCheck {
  status: AnchorStatus;
  ok: boolean;
  anchor: AuditAnchor | null;
  message: string;
}

/** Compares the anchor (null: no file; 'unreadable': a damaged file) with the walked chain. */
export function checkAnchor(
  anchor: AuditAnchor | null | 'unreadable',
  chain: ChainCheck,
): AnchorCheck {
  if (anchor === 'unreadable')
    return {
      status: 'unreadable',
      ok: false,
      anchor: null,
      message: '审计锚点文件已损坏，无法核对链尾',
    };
  const head = chain.head;
  if (!anchor) {
    return head
      ? {
          status: 'missing',
          ok: false,
          anchor,
          message: `审计锚点文件缺失，无法确认第 ${head.seq} 条之后的记录未被截断`,
        }
      : { status: 'empty', ok: true, anchor, message: '尚无审计记录' };
  }
  if (!head || anchor.seq > head.seq) {
    const last = head ? `只到第 ${head.seq} 条` : '为空';
    return {
      status: 'truncated',
      ok: false,
      anchor,
      message: `锚点记录到第 ${anchor.seq} 条，审计链${last}：链尾被截断`,
    };
  }
  const stored = chain.remembered.get(anchor.seq);
  if (stored !== anchor.hash) {
    return {
      status: 'rewritten',
      ok: false,
      anchor,
      message: `第 ${anchor.seq} 条的摘要与锚点不符：链尾被改写或替换`,
    };
  }
  if (anchor.seq < head.seq) {
    return {
      status: 'behind',
      ok: true,
      anchor,
      message: `锚点停在第 ${anchor.seq} 条，其后 ${head.seq - anchor.seq} 条尚未锚定（上次写锚点前程序中断）`,
    };
  }
  return { status: 'ok', ok: true, anchor, message: `链尾第 ${head.seq} 条与锚点一致` };
}

/**
 * Before an append: does the chain's current head agree with the anchor? An answer other than
 * null is a finding that must be written into the chain before the anchor moves on, or the
 * next append would silently bless a cut-off or rewritten tail.
 */
export function anchorFindingBeforeAppend(
  anchor: AuditAnchor | null | 'unreadable',
  head: { seq: number; hash: string } | null,
  hashAt: (seq: number) => string | null,
): string | null {
  if (anchor === 'unreadable') return '审计锚点文件已损坏';
  if (!anchor) return head ? `审计锚点文件缺失（链尾为第 ${head.seq} 条）` : null;
  if (!head || anchor.seq > head.seq)
    return `锚点记录到第 ${anchor.seq} 条，审计链${head ? `只到第 ${head.seq} 条` : '为空'}：链尾被截断`;
  if (hashAt(anchor.seq) !== anchor.hash) return `第 ${anchor.seq} 条的摘要与锚点不符：链尾被改写`;
  return null;
}
