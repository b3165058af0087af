import { z } from 'zod';
import { audited, reads } from './method-policy';
import type { StockChangeView, StockUploadView } from './types-stock';

const batchId = z.number().int().positive();
const packs = z.number().int().positive().max(100_000);
const date = (label: string) =>
  z.string().regex(/^\d{4}-\d{2}-\d{2}$/, `${label}格式为 yyyy-MM-dd`);
const text = (max: number) => z.string().trim().min(1).max(max);

/** Stock screens (R-STOCK): every change is written with its upload, in one transaction. */
export const stockContract = {
  /** 进货 of one batch; its 3503 商品采购 is queued with it. Supplier/invoice fields are optional. */
  'stock.receive': {
    input: z
      .object({
        medListCodg: z.string().min(1).max(64),
        batchNo: z
          .string()
          .trim()
          .min(1)
          .max(40)
          .regex(/^[0-9A-Za-z-]+$/, '批号只含字母、数字与连字符'),
        expiry: date('有效期'),
        packs,
        supplierName: text(100).optional(),
        supplierPermitNo: text(50).optional(),
        invoiceNo: text(50).optional(),
        deliveryNo: text(50).optional(),
        manufactureDate: date('生产日期').optional(),
        /** 成交单价 per pack, yuan; default the catalog price. */
        unitPrice: z.number().nonnegative().max(1_000_000).optional(),
      })
      .strict(),
    output: {} as StockChangeView,
    auth: true,
    mutates: true,
    audit: audited('stock.receive', {
      subject: 'drug',
      detail: { input: ['batchNo', 'expiry', 'packs', 'invoiceNo'], output: ['batchId'] },
    }),
  },
  /** 退货 to the batch's supplier; its 3504 采购退货 is queued with it. */
  'stock.returnToSupplier': {
    input: z.object({ batchId, packs, reason: text(200) }).strict(),
    output: {} as StockChangeView,
    auth: true,
    mutates: true,
    audit: audited('stock.return', {
      subject: 'batch',
      detail: { input: ['batchId', 'packs', 'reason'], output: ['packsOnHand'] },
    }),
  },
  /** 报损 (deltaPacks < 0) / 报溢 (> 0) / 盘点差异; its 3502 库存信息变更 is queued with it. */
  'stock.adjust': {
    input: z
      .object({
        batchId,
        deltaPacks: z
          .number()
          .int()
          .min(-100_000)
          .max(100_000)
          .refine((n) => n !== 0, '调整数量不能为 0'),
        reason: z.enum(['报损', '报溢', '盘点差异']),
        memo: z.string().trim().max(200).optional(),
      })
      .strict(),
    output: {} as StockChangeView,
    auth: true,
    mutates: true,
    audit: audited('stock.adjust', {
      subject: 'batch',
      detail: { input: ['batchId', 'deltaPacks', 'reason', 'memo'], output: ['packsOnHand'] },
    }),
  },
  /** The newest stock uploads (3501–3504) with their state and last error. */
  'stock.uploads': {
    input: z.object({}).strict(),
    output: [] as StockUploadView[],
    auth: true,
    ...reads,
  },
} as const;
