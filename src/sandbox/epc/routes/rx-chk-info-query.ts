import { effectiveStatus } from '../../rx/rx-store';
import type { EpcRoute } from '../context';
import { FieldReader } from '../fields';
import { ownRx } from '../own-rx';

/**
 * rxChkInfoQuery 审核结果查询: the review outcome (empty until a pharmacy uploads one with 7206)
 * and the prescription's status.
 */
export const rxChkInfoQuery: EpcRoute = (ctx) => {
  const f = new FieldReader();
  const fixmedinsCode = f.required(ctx.data, 'fixmedinsCode', '定点医疗机构编号');
  const hiRxno = f.required(ctx.data, 'hiRxno', '医保处方编号');
  f.done();
  const row = ownRx(ctx, fixmedinsCode, hiRxno);
  const status = effectiveStatus(row, ctx.now);
  return {
    hiRxno,
    pharName: '',
    pharCode: '',
    rxChkStasCodg: '',
    rxChkStasName: '',
    rxChkOpnn: '',
    rxChkTime: '',
    rxStasCodg: status.codg,
    rxStasName: status.name,
  };
};
