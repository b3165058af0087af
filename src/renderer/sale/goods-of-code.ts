import { parseScannedCode, productKeyOf } from '../../domain/trace/parse-scanned-code';

interface Identified {
  traceProductIds: readonly string[];
  gtin14s: readonly string[];
}

/**
 * Which goods a scanned pack belongs to: `unnamed` when the code does not name its product
 * (it then goes to the line being scanned), `none` when it names a product none of `goods` is.
 */
export function goodsOfCode<T extends Identified>(
  goods: readonly T[],
  code: string,
  now: Date,
): { found: T } | 'unnamed' | 'none' {
  const key = productKeyOf(parseScannedCode(code, now));
  if (!key) return 'unnamed';
  const found =
    'traceProductId' in key
      ? goods.find((g) => g.traceProductIds.includes(key.traceProductId))
      : goods.find((g) => g.gtin14s.includes(key.gtin14));
  return found ? { found } : 'none';
}
