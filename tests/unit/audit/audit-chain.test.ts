import { describe, expect, it } from 'vitest';
import {
  type AuditAnchor,
  anchorFindingBeforeAppend,
  checkAnchor,
} from '../../../src/domain/audit/audit-anchor';
import { checkChain } from '../../../src/domain/audit/audit-chain';
import { GENESIS_HASH } from '../../../src/domain/audit/audit-entry';
import { buildChain, sm3AuditHasher } from './audit-fixture';

const check = (rows: ReturnType<typeof buildChain>, remember: number[] = []) =>
  checkChain(rows, sm3AuditHasher, new Set(remember));
const anchorOf = (rows: ReturnType<typeof buildChain>, seq: number): AuditAnchor => {
  const r = rows[seq - 1];
  if (!r) throw new Error(`no row ${seq}`);
  return { seq: r.seq, hash: r.hash, at: r.at };
};

describe('audit hash chain', () => {
  it('an untouched chain verifies; the first entry links to the genesis value [R-KEEP]', () => {
    const rows = buildChain(10);
    expect(rows[0]?.prevHash).toBe(GENESIS_HASH);
    const c = check(rows);
    expect(c).toMatchObject({
      entries: 10,
      firstBroken: null,
      head: { seq: 10, hash: rows[9]?.hash },
    });
    expect(check([]).head).toBeNull();
  });

  it('the hash is SM3 over prev_hash + RFC 8785 JSON: key order and whitespace do not matter, any value does [R-KEEP]', () => {
    const [row] = buildChain(1);
    if (!row) throw new Error('no row');
    const reordered = { ...row, detail: { nested: { list: [1, 'a'], ok: true }, n: 1 } };
    expect(sm3AuditHasher(GENESIS_HASH, reordered)).toBe(row.hash);
    expect(sm3AuditHasher(GENESIS_HASH, { ...row, detail: { ...row.detail, n: 2 } })).not.toBe(
      row.hash,
    );
    expect(sm3AuditHasher('1'.repeat(64), row)).not.toBe(row.hash);
    expect(row.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('an edited entry is reported at its own seq [R-KEEP]', () => {
    const rows = buildChain(8);
    rows[4] = { ...(rows[4] as (typeof rows)[0]), detail: { n: 999 } };
    expect(check(rows).firstBroken).toEqual({
      seq: 5,
      reason: expect.stringContaining('第 5 条的内容与其摘要不符'),
    });
    const who = buildChain(8);
    who[2] = { ...(who[2] as (typeof who)[0]), username: 'admin' };
    expect(check(who).firstBroken?.seq).toBe(3);
  });

  it('an edited entry whose hash was recomputed is caught at the next link [R-KEEP]', () => {
    const rows = buildChain(8);
    const edited = { ...(rows[4] as (typeof rows)[0]), outcome: 'ok' as const, detail: { n: 0 } };
    rows[4] = { ...edited, hash: sm3AuditHasher(edited.prevHash, edited) };
    expect(check(rows).firstBroken).toMatchObject({
      seq: 6,
      reason: expect.stringContaining('前序摘要与第 5 条不符'),
    });
  });

  it('a deleted middle entry is reported as missing [R-KEEP]', () => {
    const rows = buildChain(8);
    rows.splice(3, 1);
    expect(check(rows).firstBroken).toEqual({ seq: 4, reason: '缺少第 4 条：记录被删除' });
    const more = buildChain(8);
    more.splice(2, 3);
    expect(check(more).firstBroken).toEqual({ seq: 3, reason: '缺少第 3–5 条：记录被删除' });
  });

  it('reordered entries are detected, whether rows or their contents were swapped [R-KEEP]', () => {
    const rows = buildChain(8);
    const [a, b] = [rows[2], rows[3]] as [(typeof rows)[0], (typeof rows)[0]];
    rows[2] = b;
    rows[3] = a;
    expect(check(rows).firstBroken?.seq).toBe(3);
    // contents swapped but seq numbers kept in place
    const swapped = buildChain(8);
    const [c, d] = [swapped[2], swapped[3]] as [(typeof rows)[0], (typeof rows)[0]];
    swapped[2] = { ...d, seq: 3 };
    swapped[3] = { ...c, seq: 4 };
    expect(check(swapped).firstBroken?.seq).toBe(3);
  });

  it('a missing start of the chain is reported at seq 1 [R-KEEP]', () => {
    const rows = buildChain(5).slice(2);
    expect(check(rows).firstBroken).toEqual({
      seq: 1,
      reason: expect.stringContaining('从第 3 条开始'),
    });
    const fake = buildChain(3);
    fake[0] = { ...(fake[0] as (typeof fake)[0]), prevHash: 'f'.repeat(64) };
    expect(check(fake).firstBroken).toMatchObject({ seq: 1 });
  });

  it('a cut-off tail leaves a valid chain that only the anchor exposes [R-KEEP]', () => {
    const rows = buildChain(10);
    const anchor = anchorOf(rows, 10);
    const cut = rows.slice(0, 7);
    const c = check(cut, [anchor.seq]);
    expect(c.firstBroken).toBeNull();
    expect(checkAnchor(anchor, c)).toMatchObject({ status: 'truncated', ok: false });
    expect(checkAnchor(anchor, c).message).toContain('锚点记录到第 10 条，审计链只到第 7 条');
    expect(checkAnchor(anchor, check([], [10])).status).toBe('truncated');
  });

  it('a tail rewritten consistently is exposed by the anchor hash [R-KEEP]', () => {
    const rows = buildChain(6);
    const anchor = anchorOf(rows, 6);
    const forged = buildChain(6).map((r) => ({ ...r }));
    const last = forged[5] as (typeof forged)[0];
    const changed = { ...last, detail: { n: 'rewritten' } };
    forged[5] = { ...changed, hash: sm3AuditHasher(changed.prevHash, changed) };
    const c = check(forged, [6]);
    expect(c.firstBroken).toBeNull();
    expect(checkAnchor(anchor, c)).toMatchObject({ status: 'rewritten', ok: false });
  });

  it('anchor states: agreeing, behind after a crash, missing, unreadable, empty [R-KEEP]', () => {
    const rows = buildChain(5);
    expect(checkAnchor(anchorOf(rows, 5), check(rows, [5]))).toMatchObject({
      status: 'ok',
      ok: true,
    });
    expect(checkAnchor(anchorOf(rows, 4), check(rows, [4]))).toMatchObject({
      status: 'behind',
      ok: true,
    });
    expect(checkAnchor(null, check(rows))).toMatchObject({ status: 'missing', ok: false });
    expect(checkAnchor('unreadable', check(rows))).toMatchObject({
      status: 'unreadable',
      ok: false,
    });
    expect(checkAnchor(null, check([]))).toMatchObject({ status: 'empty', ok: true });
  });

  it('before an append, a head that disagrees with the anchor is a finding; a lagging anchor is not [R-KEEP]', () => {
    const rows = buildChain(5);
    const hashAt = (s: number) => rows[s - 1]?.hash ?? null;
    const head = { seq: 5, hash: rows[4]?.hash as string };
    expect(anchorFindingBeforeAppend(anchorOf(rows, 5), head, hashAt)).toBeNull();
    expect(anchorFindingBeforeAppend(anchorOf(rows, 3), head, hashAt)).toBeNull();
    expect(anchorFindingBeforeAppend(null, null, hashAt)).toBeNull();
    expect(
      anchorFindingBeforeAppend({ seq: 9, hash: 'a'.repeat(64), at: 0 }, head, hashAt),
    ).toContain('链尾被截断');
    expect(
      anchorFindingBeforeAppend({ ...anchorOf(rows, 5), hash: 'b'.repeat(64) }, head, hashAt),
    ).toContain('改写');
    expect(anchorFindingBeforeAppend(null, head, hashAt)).toContain('缺失');
  });
});
