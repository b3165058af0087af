import { z } from 'zod';
import { audited, reads } from './method-policy';
import type { DeliveryOrderView } from './types-delivery';
import type { ReportExportResult } from './types-reports';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 yyyy-MM-dd');
const id = z.number().int().positive();
const text = (max: number) => z.string().trim().min(1).max(max);

/**
 * Delivery orders (R-DELIVERY, R-DELIVERY-REC): registered for a settled prescription, handed
 * to the courier, signed for by the patient; each step is in the audit trail (no address or
 * phone in its detail). Lists mask personal data; the full address only for the hand-over slip.
 */
export const deliveryContract = {
  'delivery.create': {
    input: z
      .object({
        settlementId: id,
        recipientName: text(40),
        recipientPhone: z.string().regex(/^[0-9-]{7,20}$/, '联系电话只含数字与连字符，至少 7 位'),
        address: z.string().trim().min(6, '配送地址至少 6 个字').max(200),
        courier: text(60),
        feeFen: z.number().int().min(0).max(100_000),
        coldChain: z.boolean(),
        coldChainRecord: z.string().trim().max(200).optional(),
      })
      .strict(),
    output: {} as DeliveryOrderView,
    auth: true,
    mutates: true,
    audit: audited('delivery.create', {
      subject: 'settlement',
      detail: { input: ['courier', 'feeFen', 'coldChain'], output: ['orderId', 'state'] },
    }),
  },
  'delivery.handOver': {
    input: z.object({ orderId: id }).strict(),
    output: {} as DeliveryOrderView,
    auth: true,
    mutates: true,
    audit: audited('delivery.handover', {
      subject: 'delivery',
      detail: { output: ['state', 'handedOverAt'] },
    }),
  },
  'delivery.confirmReceipt': {
    input: z
      .object({ orderId: id, receiverName: z.string().max(40), identityChecked: z.boolean() })
      .strict(),
    output: {} as DeliveryOrderView,
    auth: true,
    mutates: true,
    audit: audited('delivery.receive', {
      subject: 'delivery',
      detail: { input: ['identityChecked'], output: ['state', 'receivedAt'] },
    }),
  },
  'delivery.get': {
    input: z.object({ orderId: id, full: z.boolean().optional() }).strict(),
    output: {} as DeliveryOrderView,
    auth: true,
    ...reads,
  },
  'delivery.list': {
    input: z.object({ from: isoDate, to: isoDate }).strict(),
    output: {} as DeliveryOrderView[],
    auth: true,
    ...reads,
  },
  'delivery.export': {
    input: z.object({ from: isoDate, to: isoDate }).strict(),
    output: {} as ReportExportResult,
    auth: true,
    mutates: true,
    audit: audited('delivery.export', {
      subject: 'dateRange',
      detail: { output: ['fileName', 'bytes', 'sm3'] },
    }),
  },
} as const;
