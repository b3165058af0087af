import { z } from 'zod';
import { syncTransaction } from './entry';
import { infcodeOnly } from './judges';
import { dataNode, text } from './schema-parts';

/** 3201 对总账: the pharmacy's totals of a period against the center's (R-RECON). No effect. */
export const reconTotals3201 = syncTransaction({
  infno: '3201',
  name: '对总账',
  mode: 'sync',
  input: dataNode({
    setl_optins: text,
    stmt_begndate: text,
    stmt_enddate: text,
    medfee_sumamt: z.number(),
    fund_pay_sumamt: z.number(),
    acct_pay: z.number(),
    fixmedins_setl_cnt: z.number(),
  }),
  output: z.looseObject({
    stmtinfo: z.looseObject({
      /** 0 对平, 1 不平. */
      stmt_rslt: z.coerce.string(),
      stmt_rslt_dscr: z.string().nullish(),
    }),
  }),
  judge: infcodeOnly,
});
