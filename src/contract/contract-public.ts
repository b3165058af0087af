import { z } from 'zod';
import { audited, reads } from './method-policy';
import type { PublicPriceList, StockAvailability } from './types-public';
import type { ReportExportResult } from './types-reports';

/**
 * What the pharmacy publishes: the current prices of flowed drugs for posting (R-PRICE-PUB) and
 * their availability for the public service channels (ST-EPC-02-004). Neither holds personal
 * data, so every signed-in role may read and export them.
 */
export const publicContract = {
  'public.priceList': {
    input: z.object({}).strict(),
    output: {} as PublicPriceList,
    auth: true,
    ...reads,
  },
  'public.stockAvailability': {
    input: z.object({}).strict(),
    output: {} as StockAvailability,
    auth: true,
    ...reads,
  },
  'public.export': {
    input: z
      .object({
        report: z.enum(['public-prices', 'stock-availability']),
        format: z.enum(['csv', 'pdf', 'json']),
      })
      .strict(),
    output: {} as ReportExportResult,
    auth: true,
    mutates: true,
    audit: audited('report.export', {
      subject: 'report',
      detail: { input: ['format'], output: ['fileName', 'bytes', 'sm3'] },
    }),
  },
} as const;
