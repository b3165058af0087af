import type { StockRefusal } from '../../contract/types-store-stock';
import { AppError } from '../../domain/errors';

/** Too little usable stock at the store for a sale (R-STOCK): named by the drug's name. */
export function storeShortOfStock(
  shortages: readonly StockRefusal[],
  lines: ReadonlyArray<{ medListCodg: string; genname: string }>,
  /** What the counter does meanwhile, in the counter's words. */
  meanwhile: string,
): AppError {
  const named = shortages.map((r) => {
    const name = lines.find((l) => l.medListCodg === r.medListCodg)?.genname;
    return name ? r.message.replace(`药品 ${r.medListCodg}`, `「${name}」`) : r.message;
  });
  return new AppError('POLICY', `${named.join('；')}（${meanwhile}）`, {
    ruleId: 'R-STOCK',
  });
}
