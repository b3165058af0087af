import type { AuditVerifyView } from '../../contract/types-audit';
import { checkAnchor } from '../../domain/audit/audit-anchor';
import { ChainWalker } from '../../domain/audit/audit-chain';
import type { AuditHasher } from '../../domain/audit/audit-entry';
import {
  type AuditWitness,
  checkWitness,
  type WitnessCheck,
} from '../../domain/audit/audit-witness';
import type { AuditRepository } from '../../store/audit-repository';
import type { AnchorFile } from './anchor-file';
import { ANCHOR_MISMATCH } from './audit-writer';

interface VerifyDeps {
  repo: AuditRepository;
  anchor: AnchorFile;
  hash: AuditHasher;
}

/** Rows read per query of the sliced walk; the clock is checked after every row. */
const ROWS_PER_READ = 100;
/**
 * A third of a 16 ms frame: the read that starts a slice and a garbage collection must still fit in
 * what the counter may wait (issue 20: no background work stalls it by more than 16 ms).
 */
const DEFAULT_SLICE_MS = 5;

/** Walks the whole chain, compares its head with the anchor and lists recorded anchor findings. */
export function verifyAuditTrail(deps: VerifyDeps, witness?: AuditWitness): AuditVerifyView {
  const started = performance.now();
  // Read the anchor first: an append racing this check can only move it past what we walk.
  const anchored = deps.anchor.read();
  const walker = walkerFor(anchored, deps.hash, witness);
  for (const row of deps.repo.all()) walker.feed(row);
  return conclude(deps, anchored, walker, witness, started);
}

/**
 * The same check in slices of about `sliceMs`, yielding to the event loop between them: a year
 * of entries takes seconds to hash, and the counter must keep answering meanwhile. Walks up to
 * the head as it was when the check began (later appends cannot break what came before).
 */
export async function verifyAuditTrailInSlices(
  deps: VerifyDeps,
  opts: { witness?: AuditWitness | undefined; sliceMs?: number } = {},
): Promise<AuditVerifyView> {
  const { witness, sliceMs = DEFAULT_SLICE_MS } = opts;
  const started = performance.now();
  const anchored = deps.anchor.read();
  const walker = walkerFor(anchored, deps.hash, witness);
  const upto = deps.repo.last()?.seq ?? 0;
  let after = 0;
  while (after < upto) {
    const deadline = performance.now() + sliceMs;
    let due = false;
    while (after < upto && !due) {
      const rows = deps.repo.between(after, upto, ROWS_PER_READ);
      if (rows.length === 0) after = upto;
      for (const row of rows) {
        walker.feed(row);
        after = row.seq;
        // Per row, not per read: hashing a whole read can take longer than the slice.
        due = performance.now() >= deadline;
        if (due) break;
      }
    }
    if (after < upto) await new Promise((resume) => setImmediate(resume));
  }
  return conclude(deps, anchored, walker, witness, started);
}

type Anchored = ReturnType<AnchorFile['read']>;

/** The walker, told to remember the stored hash at the anchor's seq and the slip's seq. */
function walkerFor(anchored: Anchored, hash: AuditHasher, witness?: AuditWitness): ChainWalker {
  const remember = new Set<number>();
  if (anchored && anchored !== 'unreadable') remember.add(anchored.seq);
  if (witness) remember.add(witness.seq);
  return new ChainWalker(hash, remember);
}

function conclude(
  deps: VerifyDeps,
  anchored: Anchored,
  walker: ChainWalker,
  witness: AuditWitness | undefined,
  started: number,
): AuditVerifyView {
  const chain = walker.result();
  const anchor = checkAnchor(anchored, chain);
  const slip = witness ? checkWitness(witness, chain.remembered.get(witness.seq) ?? null) : null;
  const findings = deps.repo.findings(ANCHOR_MISMATCH).map((r) => ({
    seq: r.seq,
    at: new Date(r.at).toISOString(),
    message: typeof r.detail.finding === 'string' ? r.detail.finding : '锚点不符',
  }));
  const ok =
    chain.firstBroken === null &&
    anchor.ok &&
    findings.length === 0 &&
    (slip === null || slip.status === 'ok');
  return {
    ok,
    verdict: verdictLine(chain.entries, chain.firstBroken, anchor, findings, slip),
    entries: chain.entries,
    head: chain.head,
    firstBroken: chain.firstBroken,
    anchor: {
      status: anchor.status,
      ok: anchor.ok,
      seq: anchor.anchor?.seq ?? null,
      hash: anchor.anchor?.hash ?? null,
      message: anchor.message,
    },
    findings,
    witness: slip,
    elapsedMs: Math.round(performance.now() - started),
  };
}

function verdictLine(
  entries: number,
  broken: { seq: number; reason: string } | null,
  anchor: { message: string; ok: boolean },
  findings: Array<{ seq: number; message: string }>,
  slip: WitnessCheck | null,
): string {
  if (broken) return `审计链被破坏：${broken.reason}（共 ${entries} 条）`;
  if (!anchor.ok) return `审计链被破坏：${anchor.message}（共 ${entries} 条）`;
  if (slip && slip.status !== 'ok') return `审计链被破坏：${slip.message}（共 ${entries} 条）`;
  const f = findings[0];
  if (f)
    return `审计链被破坏：第 ${f.seq} 条记载此前发现${f.message}（共 ${entries} 条，${findings.length} 次）`;
  return `审计链完整：共 ${entries} 条，${anchor.message}${slip ? `，${slip.message}` : ''}`;
}
