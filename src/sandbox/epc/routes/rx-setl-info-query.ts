import { effectiveStatus } from '../../rx/rx-store';
import type { EpcRoute } from '../context';
import { FieldReader } from '../fields';
import { ownRx } from '../own-rx';

/**
 * rxSetlInfoQuery 取药结果查询: settlement and dispensing of the prescription (empty until the
 * pharmacy-side settlement transactions record them) and its status.
 */
export const rxSetlInfoQuery: EpcRoute = (ctx) => {
  const f = new FieldReader();
  const fixmedinsCode = f.required(ctx.data, 'fixmedinsCode', '定点医疗机构编号');
  const hiRxno = f.required(ctx.data, 'hiRxno', '医保处方编号');
  f.done();
  const row = ownRx(ctx, fixmedinsCode, hiRxno);
  const status = effectiveStatus(row, ctx.now);
  return {
    hiRxno,
    setlTime: '',
    rxStasCodg: status.codg,
    rxStasName: status.name,
    rxUsedStasCodg: '',
    rxUsedStasName: '',
    seltdelts: [],
  };
};
