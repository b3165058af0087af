import { z } from 'zod';
import { MiB, syncTransaction } from './entry';
import { infcodeOnly } from './judges';
import { dataNode, text } from './schema-parts';

/** One settlement of the period as the center recorded it (3202, amounts in yuan). */
export const reconDetailSchema = z.looseObject({
  setl_id: z.string(),
  msgid: z.string(),
  hi_rxno: z.string().nullish(),
  /** 1 正常; otherwise reversed or voided. */
  stas: z.coerce.string(),
  setl_time: z.string().nullish(),
  medfee_sumamt: z.coerce.number(),
  fund_pay_sumamt: z.coerce.number(),
  acct_pay: z.coerce.number(),
  psn_cash_pay: z.coerce.number(),
});
export type ReconDetail = z.infer<typeof reconDetailSchema>;

/**
 * 3202 对明细账: the center's settlements of a period, one by one (R-RECON). The national
 * interface exchanges the detail as a file (file_qury_no, 9101/9102); the sandbox answers it
 * inline under `stmt_detail` (docs/sandbox.md). No effect.
 */
export const reconDetails3202 = syncTransaction({
  infno: '3202',
  name: '对明细账',
  mode: 'sync',
  input: dataNode({
    setl_optins: text,
    stmt_begndate: text,
    stmt_enddate: text,
    medfee_sumamt: z.number(),
    fund_pay_sumamt: z.number(),
    cash_payamt: z.number(),
    fixmedins_setl_cnt: z.number(),
  }),
  output: z.looseObject({ stmt_detail: z.array(reconDetailSchema) }),
  judge: infcodeOnly,
  replyCapBytes: 16 * MiB,
});
