import { randomUUID } from 'node:crypto';
import type { InsuredPerson } from '../../domain/settlement/fee-lines';

export interface StoredPreview {
  previewId: string;
  dispensingId: number;
  person: InsuredPerson;
  deliveryFeeFen: number;
  /** The 3101 check of the previewed lines (R-SUPERVISE). */
  supervisionCheckId: number;
  at: number;
}

const TTL_MS = 30 * 60_000;
const MAX_KEPT = 200;

/** Previews (2101 has no effect at the center) kept in memory for settle.confirm. */
export function createPreviewStore(now: () => Date) {
  const kept = new Map<string, StoredPreview>();
  return {
    put(p: Omit<StoredPreview, 'previewId' | 'at'>): StoredPreview {
      const at = now().getTime();
      for (const [id, old] of kept)
        if (at - old.at > TTL_MS || kept.size >= MAX_KEPT) kept.delete(id);
      const stored = { ...p, previewId: randomUUID(), at };
      kept.set(stored.previewId, stored);
      return stored;
    },
    get(previewId: string, dispensingId: number): StoredPreview | undefined {
      const p = kept.get(previewId);
      if (!p || p.dispensingId !== dispensingId || now().getTime() - p.at > TTL_MS)
        return undefined;
      return p;
    },
  };
}
