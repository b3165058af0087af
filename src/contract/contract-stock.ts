import { z } from 'zod';
import { audited, reads } from './method-policy';
import type {
  StockChangeView,
  StockUploadView,
  StoreStockLevelsView,
  SupplierView,
} from './types-stock';

const batchId = z.number().int().positive();
const packs = z.number().int().positive().max(100_000);
const date = (label: string) =>
  z.string().regex(/^\d{4}-\d{2}-\d{2}$/, `${label}格式为 yyyy-MM-dd`);
const text = (max: number) => z.string().trim().min(1).max(max);
/** Scanned pack codes, one per pack (R-STOCK); a GS1 string may carry GS characters. */
const codes = z.array(z.string().min(1).max(512)).max(2_000);

/** Stock screens (R-STOCK): every change is written with its upload, in one transaction. */
export const stockContract = {
  /**
   * 进货 of one batch from a registered supplier with a valid licence (R-SUPPLY), one scanned code
   * per pack of a traced item and a cold-chain drug's storage record; its 3503 is queued with it.
   */
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
        supplierId: z.number().int().positive(),
        codes,
        coldChain: z
          .object({
            arrivalTempC: z.number().min(-80).max(60),
            storagePlace: text(50),
          })
          .strict()
          .optional(),
        invoiceNo: text(50).optional(),
        deliveryNo: text(50).optional(),
        manufactureDate: date('生产日期').optional(),
        /** 成交单价 per pack, yuan; default the catalog price. */
        unitPrice: z.number().nonnegative().max(1_000_000).optional(),
        /**
         * A counter of a store: one key per receipt, the same on every retry, so the store and
         * the counter record it once (D54). A single counter ignores it.
         */
        receiptKey: z.string().uuid().optional(),
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
  /** 退货 of scanned packs to the batch's supplier; its 3504 采购退货 names their codes. */
  'stock.returnToSupplier': {
    input: z.object({ batchId, packs, reason: text(200), codes }).strict(),
    output: {} as StockChangeView,
    auth: true,
    mutates: true,
    audit: audited('stock.return', {
      subject: 'batch',
      detail: { input: ['batchId', 'packs', 'reason'], output: ['packsOnHand'] },
    }),
  },
  /**
   * 报损 (deltaPacks < 0) / 报溢 (> 0) / 盘点差异; its 3502 库存信息变更 is queued with it, naming
   * the codes of the packs that left, which can never be sold afterwards (R-TRACE-ONCE).
   */
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
        /** Packs leaving (deltaPacks < 0): one traceability code per pack (R-STOCK). */
        codes: codes.optional(),
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
  /** The managed supplier list with each licence and whether it is valid today (R-SUPPLY). */
  'stock.suppliers': {
    input: z.object({}).strict(),
    output: [] as SupplierView[],
    auth: true,
    ...reads,
  },
  /** Registers a supplier (no id) or renews its licence / stops it (id) (R-SUPPLY). */
  'stock.saveSupplier': {
    input: z
      .object({
        id: z.number().int().positive().optional(),
        name: text(100),
        licenceNo: text(50),
        licenceValidUntil: date('许可证有效期至'),
        active: z.boolean(),
      })
      .strict(),
    output: {} as SupplierView,
    auth: true,
    roles: {
      allowed: ['pharmacist', 'admin'],
      refusal: '供应商资质须由药师或管理员登记',
      ruleId: 'R-SUPPLY',
    },
    mutates: true,
    audit: audited('stock.supplier', {
      detail: { input: ['id', 'name', 'licenceNo', 'licenceValidUntil', 'active'], output: ['id'] },
    }),
  },
  /** The newest stock uploads (3501–3504) with their state and last error. */
  'stock.uploads': {
    input: z.object({}).strict(),
    output: [] as StockUploadView[],
    auth: true,
    ...reads,
  },
  /** A counter of a store: the store's batches (one truth across counters, D49), or its last copy offline. */
  'stock.storeLevels': {
    input: z.object({}).strict(),
    output: {} as StoreStockLevelsView,
    auth: true,
    ...reads,
  },
} as const;
