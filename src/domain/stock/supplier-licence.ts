import { AppError } from '../errors';

/** A supplier as receiving needs it: its name and its 药品经营许可证 with validity. */
export interface SupplierLicence {
  name: string;
  licenceNo: string;
  /** Last day the licence is valid, yyyy-MM-dd. */
  licenceValidUntil: string;
  active: boolean;
}

/**
 * R-SUPPLY (002 §二(三) 正规稳定的药品商业供货渠道): goods are received only from a registered
 * supplier whose licence is recorded and valid on the day of receiving.
 */
export function assertSupplierMayDeliver(
  s: SupplierLicence | undefined,
  today: string,
): asserts s is SupplierLicence {
  if (!s) {
    throw new AppError('POLICY', '请选择已登记资质的供应商；未登记供应商的药品不能入库', {
      ruleId: 'R-SUPPLY',
    });
  }
  if (!s.active) {
    throw new AppError('POLICY', `供应商「${s.name}」已停用，不能入库`, { ruleId: 'R-SUPPLY' });
  }
  if (s.licenceNo.trim() === '') {
    throw new AppError('POLICY', `供应商「${s.name}」未登记许可证号，不能入库`, {
      ruleId: 'R-SUPPLY',
    });
  }
  if (s.licenceValidUntil < today) {
    throw new AppError(
      'POLICY',
      `供应商「${s.name}」的许可证（${s.licenceNo}）已于 ${s.licenceValidUntil} 过期，不能入库；请更新资质后再收货`,
      { ruleId: 'R-SUPPLY' },
    );
  }
}
