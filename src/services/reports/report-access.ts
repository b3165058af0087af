import type { ReportId } from '../../contract/types-reports';
import { AppError } from '../../domain/errors';
import type { StaffMember } from '../../domain/staff';

/**
 * Who may see what. Reports hold no personal data (no names, ID or insurance numbers: only
 * counts, amounts, drugs and transactions). A cashier sees the day's takings, the upload queue
 * and the published prices of flowed drugs (R-PRICE-PUB); dispensing volumes and catalog
 * coverage are for the pharmacist and the administrator. Exporting takes data out of the
 * counter as a file, so only the pharmacist and the administrator may export.
 */
const CASHIER_MAY_READ: ReadonlySet<ReportId> = new Set([
  'settlements-daily',
  'outbox-health',
  'flowed-prices',
]);

export const REPORT_TITLES: Readonly<Record<ReportId, string>> = {
  'settlements-daily': '每日结算报表',
  'dispensing-by-drug': '药品调剂统计',
  'catalog-coverage': '医保目录品种占比',
  'outbox-health': '上传队列运行情况',
  'flowed-prices': '外配处方药品价格',
};

export function requireMayRead(staff: StaffMember, report: ReportId): void {
  if (staff.role === 'cashier' && !CASHIER_MAY_READ.has(report)) {
    throw new AppError(
      'FORBIDDEN',
      `收银员不能查看“${REPORT_TITLES[report]}”，请由药师或管理员查看`,
    );
  }
}

export function requireMayExport(staff: StaffMember, report: ReportId): void {
  if (staff.role === 'cashier') {
    throw new AppError(
      'FORBIDDEN',
      `收银员不能导出报表（“${REPORT_TITLES[report]}”），请由药师或管理员导出`,
    );
  }
}
