import type { StockRefusal } from '../../contract/types-store-stock';
import { AppError } from '../../domain/errors';

/** Too little usable stock at the store for a sale (R-STOCK): named by the drug's name. */
export function storeShortOfStock(
  shortages: readonly StockRefusal[],
  lines: ReadonlyArray<{ medListCodg: string; genname: string }>,
  /** What stays meanwhile, in the counter's words (a dispensing keeps its held codes). */
  meanwhile?: string,
): AppError {
  const named = shortages.map((r) => {
    const name = lines.find((l) => l.medListCodg === r.medListCodg)?.genname;
    return name ? r.message.replace(`药品 ${r.medListCodg} `, `「${name}」`) : r.message;
  });
  return new AppError(
    'POLICY',
    meanwhile ? `${named.join('；')}（${meanwhile}）` : named.join('；'),
    {
      ruleId: 'R-STOCK',
    },
  );
}
