import type { ReportExportResult } from '../../contract/types-reports';
import type { Db } from '../../store/database';
import { DeliveryOrderRepository } from '../../store/delivery-order-repository';
import { writeExportFile } from '../reports/export/write-export';
import { localPeriod } from '../reports/period';
import { deliveryCsv } from './delivery-csv';
import { deliveryView } from './delivery-view';

/** R-DELIVERY-REC: the delivery orders of [from, to] as CSV under <dataDir>/exports (masked). */
export function writeDeliveryExport(
  db: Db,
  dataDir: string,
  q: { from: string; to: string },
  at: Date,
): ReportExportResult & { rows: number } {
  const p = localPeriod(q.from, q.to);
  const rows = new DeliveryOrderRepository(db)
    .between(p.startMs, p.endMs)
    .map((r) => deliveryView(r, false));
  const file = { stem: `配送记录_${q.from}_${q.to}`, ext: 'csv', mime: 'text/csv; charset=utf-8' };
  return { ...writeExportFile(dataDir, file, deliveryCsv(rows), at), rows: rows.length };
}
