/** Batches to take packs from: earliest expiry first, expired batches never (the caller filters). */
export function allocateFefo(
  batches: ReadonlyArray<{ id: number; packsOnHand: number }>,
  packs: number,
): { allocations: Array<{ batchId: number; packs: number }>; shortBy: number } {
  const allocations: Array<{ batchId: number; packs: number }> = [];
  let left = packs;
  for (const b of batches) {
    if (left === 0) break;
    const take = Math.min(left, b.packsOnHand);
    if (take > 0) allocations.push({ batchId: b.id, packs: take });
    left -= take;
  }
  return { allocations, shortBy: left };
}
