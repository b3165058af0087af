import { z } from 'zod';
import { queuedTransaction, unordered } from './entry';
import { infcodeOnly } from './judges';
import { text } from './schema-parts';

/**
 * 3103 事前事中服务反馈服务 (R-SUPERVISE): how the pharmacist handled each finding of a 3101/3102
 * check, one entry per finding (`jr_id`): `dspo_way` 1 继续结算 / 2 取消结算 and the reason given.
 * The field layout is our assumption (the public record names the service, not its fields:
 * docs/decisions.md D41); it reuses the finding ids the platform itself sent.
 */
export const supervisionFeedback3103 = queuedTransaction({
  infno: '3103',
  name: '事前事中服务反馈服务',
  mode: 'queued',
  input: z.looseObject({
    data: z.looseObject({
      trig_scen: text,
      warns: z
        .array(
          z.looseObject({
            jr_id: text,
            dspo_way: z.enum(['1', '2']),
            dspo_way_rea: z.string().trim().min(1),
          }),
        )
        .min(1),
    }),
  }),
  output: z.looseObject({}),
  judge: infcodeOnly,
  orderingKey: unordered,
});
