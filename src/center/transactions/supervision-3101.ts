import { z } from 'zod';
import { syncTransaction } from './entry';
import { infcodeOnly } from './judges';
import { text } from './schema-parts';

/** One finding of the supervision subsystem (违规结果). */
export const supervisionResultSchema = z.looseObject({
  jr_id: z.coerce.string(),
  rule_id: z.coerce.string(),
  rule_name: z.string(),
  vola_cont: z.string(),
  vola_evid: z.string().nullish(),
  /** 严重程度: 1 明确违规, 2 高度可疑, 3 轻度可疑 (docs/sandbox.md). */
  sev_deg: z.coerce.string(),
  vola_amt: z.coerce.number().nullish(),
});
export type SupervisionResult = z.infer<typeof supervisionResultSchema>;

/** The lines to be checked, per encounter (3101 and 3102 share it). */
export const supervisionInput = z.looseObject({
  data: z.looseObject({
    patient_id: text,
    trig_scen: text,
    fsi_encounter_dtos: z.array(
      z.looseObject({ fsi_order_dtos: z.array(z.looseObject({ hilist_code: text })) }),
    ),
  }),
});

/** The findings (3101 and 3102 share it). */
export const supervisionOutput = z.looseObject({ result: z.array(supervisionResultSchema) });

/**
 * 3101 明细审核事前事中分析服务 (R-SUPERVISE): the fee lines about to be settled, checked by the
 * platform's intelligent-supervision subsystem before 2102. No effect at the center.
 */
export const supervisionCheck3101 = syncTransaction({
  infno: '3101',
  name: '明细审核事前事中分析服务',
  mode: 'sync',
  input: supervisionInput,
  output: supervisionOutput,
  judge: infcodeOnly,
});
