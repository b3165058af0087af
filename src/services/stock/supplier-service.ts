import { dateOnly } from '../../center/clock';
import type { SupplierView } from '../../contract/types-stock';
import { AppError } from '../../domain/errors';
import { assertNoScannedCode } from '../../domain/scan/code-shaped-text';
import { sqliteCode } from '../../store/sqlite-errors';
import type { Supplier, SupplierInput } from '../../store/supplier-repository';
import type { AuthenticatedSession } from '../auth-service';
import type { StockContext } from './stock-context';

function view(s: Supplier, today: string): SupplierView {
  return { ...s, mayDeliver: s.active && s.licenceValidUntil >= today };
}

export function listSuppliers(ctx: StockContext): SupplierView[] {
  const today = dateOnly(ctx.now());
  return ctx.suppliers.list().map((s) => view(s, today));
}

/** stock.saveSupplier (R-SUPPLY): a new supplier, or a renewed licence / a stopped supplier. */
export function saveSupplier(
  ctx: StockContext,
  session: AuthenticatedSession,
  i: SupplierInput & { id?: number | undefined },
): SupplierView {
  const at = ctx.now();
  assertNoScannedCode('供应商名称', i.name, 'R-SUPPLY', at);
  const input = { ...i, name: i.name.trim(), licenceNo: i.licenceNo.trim() };
  let id = i.id;
  try {
    if (id === undefined) id = ctx.suppliers.create(input, session.staff.id, at.getTime());
    else if (!ctx.suppliers.update(id, input, at.getTime())) {
      throw new AppError('NOT_FOUND', `没有供应商 ${id}`);
    }
  } catch (err) {
    if (sqliteCode(err) === 'SQLITE_CONSTRAINT_UNIQUE') {
      throw new AppError('CONFLICT', `供应商「${input.name}」已登记，请在列表中修改其资质`);
    }
    throw err;
  }
  const saved = ctx.suppliers.get(id);
  if (!saved) throw new Error(`supplier ${id} vanished`);
  return view(saved, dateOnly(at));
}
