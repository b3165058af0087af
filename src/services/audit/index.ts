import type { AreaDeps } from '../area-deps';

/** The tamper-evident audit trail (R-KEEP): verify the hash chain, read entries. */
export function createAuditArea(_deps: AreaDeps) {
  return {};
}

export type AuditArea = ReturnType<typeof createAuditArea>;
