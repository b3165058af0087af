import { z } from 'zod';
import { audited, reads } from './method-policy';
import type { ReportExportResult } from './types-reports';
import type { ElectronicReceiptView } from './types-settlement';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 yyyy-MM-dd');
const id = z.number().int().positive();

/** R-EINVOICE: electronic receipts stored with every settlement, listed and exported. */
export const einvoiceContract = {
  'einvoice.list': {
    input: z.object({ from: isoDate, to: isoDate }).strict(),
    output: {} as ElectronicReceiptView[],
    auth: true,
    ...reads,
  },
  'einvoice.export': {
    /** `reversal`: the 红字 receipt a refund issued, exported alongside the original. */
    input: z
      .object({ settlementId: id, kind: z.enum(['original', 'reversal']).default('original') })
      .strict(),
    output: {} as ReportExportResult,
    auth: true,
    mutates: true,
    audit: audited('einvoice.export', {
      subject: 'settlement',
      detail: { input: ['settlementId', 'kind'], output: ['fileName', 'bytes', 'sm3'] },
    }),
  },
} as const;
