import type { AuditVerifyView } from '../../api/types-audit';
import { checkAnchor } from '../../domain/audit/audit-anchor';
import { checkChain } from '../../domain/audit/audit-chain';
import type { AuditHasher } from '../../domain/audit/audit-entry';
import type { AuditRepository } from '../../store/audit-repository';
import type { AnchorFile } from './anchor-file';
import { ANCHOR_MISMATCH } from './audit-writer';

/** Walks the whole chain, compares its head with the anchor and lists recorded anchor findings. */
export function verifyAuditTrail(deps: {
  repo: AuditRepository;
  anchor: AnchorFile;
  hash: AuditHasher;
}): AuditVerifyView {
  const started = performance.now();
  // Read the anchor first: an append racing this check can only move it past what we walk.
  const anchored = deps.anchor.read();
  const anchorSeq = anchored && anchored !== 'unreadable' ? anchored.seq : null;
  const chain = checkChain(
    deps.repo.all(),
    deps.hash,
    new Set(anchorSeq === null ? [] : [anchorSeq]),
  );
  const anchor = checkAnchor(anchored, chain);
  const findings = deps.repo.findings(ANCHOR_MISMATCH).map((r) => ({
    seq: r.seq,
    at: new Date(r.at).toISOString(),
    message: typeof r.detail.finding === 'string' ? r.detail.finding : '锚点不符',
  }));
  const ok = chain.firstBroken === null && anchor.ok && findings.length === 0;
  return {
    ok,
    verdict: verdictLine(chain.entries, chain.firstBroken, anchor.message, anchor.ok, findings),
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
    elapsedMs: Math.round(performance.now() - started),
  };
}

function verdictLine(
  entries: number,
  broken: { seq: number; reason: string } | null,
  anchorMessage: string,
  anchorOk: boolean,
  findings: Array<{ seq: number; message: string }>,
): string {
  if (broken) return `审计链被破坏：${broken.reason}（共 ${entries} 条）`;
  if (!anchorOk) return `审计链被破坏：${anchorMessage}（共 ${entries} 条）`;
  const f = findings[0];
  if (f)
    return `审计链被破坏：第 ${f.seq} 条记载此前发现${f.message}（共 ${entries} 条，${findings.length} 次）`;
  return `审计链完整：共 ${entries} 条，${anchorMessage}`;
}
