import { AppError } from '../errors';

export interface PrescribedLine {
  medListCodg: string;
  name: string;
  /** Whole packs prescribed. */
  quantity: number;
  unit: string;
}

/**
 * R-NOSWAP: a sale made from a prescription sells exactly its drugs in exactly their quantities
 * (one scanned pack per prescribed pack), nothing added, left out or swapped.
 */
export function assertAsPrescribed(
  prescribed: readonly PrescribedLine[],
  sold: ReadonlyArray<{ medListCodg: string; packs: number }>,
): void {
  const asked = new Map(sold.map((i) => [i.medListCodg, i.packs]));
  const same =
    asked.size === sold.length &&
    asked.size === prescribed.length &&
    prescribed.every((l) => asked.get(l.medListCodg) === l.quantity);
  if (same) return;
  const wanted = prescribed.map((l) => `${l.name} ${l.quantity}${l.unit}`).join('、');
  throw new AppError('POLICY', `须按处方调剂，不得增减或替换药品：本处方为 ${wanted}`, {
    ruleId: 'R-NOSWAP',
  });
}
