import type { SupplierView } from '../../src/contract/types-stock';
import type { Harness } from './app-harness';

let serial = 0;

/**
 * Fresh 20-digit pack codes of a product for receiving. The ninth digit 5 keeps them apart from
 * the codes sale tests scan (0…) and from the sandbox's demo stock (9…).
 */
export function packCodes(productId: string, n: number): string[] {
  return Array.from({ length: n }, () => `${productId}5${String(serial++).padStart(12, '0')}`);
}

/** Registers a supplier with a licence valid for years (override any field). */
export async function registerSupplier(
  h: Harness,
  token: string,
  over: Partial<{
    name: string;
    licenceNo: string;
    licenceValidUntil: string;
    active: boolean;
  }> = {},
): Promise<SupplierView> {
  serial += 1;
  const r = await h.api<SupplierView>(
    'stock.saveSupplier',
    {
      name: `沙箱医药供应商${serial}`,
      licenceNo: `沪AA02${String(serial).padStart(5, '0')}`,
      licenceValidUntil: '2099-12-31',
      active: true,
      ...over,
    },
    token,
  );
  if (!r.ok || !r.value) throw new Error(`stock.saveSupplier: ${r.error?.message}`);
  return r.value;
}
