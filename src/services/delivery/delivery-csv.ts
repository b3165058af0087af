import type { DeliveryOrderView } from '../../contract/types-delivery';
import { csvBytes, textRecord } from '../reports/export/csv';

const HEADER = [
  '配送单号',
  '处方号',
  '状态',
  '收件人',
  '电话',
  '地址',
  '配送方',
  '配送费（元，患者自付）',
  '冷链',
  '储运措施',
  '登记时间',
  '登记人',
  '交接时间',
  '交接人',
  '签收时间',
  '签收人',
  '签收登记人',
];

/** The delivery record for inspection (R-DELIVERY-REC), personal data masked. */
export function deliveryCsv(rows: readonly DeliveryOrderView[]): Buffer {
  let out = textRecord(HEADER);
  for (const r of rows) {
    out += textRecord([
      String(r.orderId),
      r.hiRxno,
      r.stateLabel,
      r.recipientName,
      r.recipientPhone,
      r.address,
      r.courier,
      r.feeYuan,
      r.coldChain ? '是' : '否',
      r.coldChainRecord ?? '',
      r.createdAt,
      r.createdBy,
      r.handedOverAt ?? '',
      r.handedOverBy ?? '',
      r.receivedAt ?? '',
      r.receiverName ?? '',
      r.receiptRecordedBy ?? '',
    ]);
  }
  return csvBytes(out);
}
