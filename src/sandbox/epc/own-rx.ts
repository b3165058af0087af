import { Refusal } from '../refusal';
import { findRx, type RxRow } from '../rx/rx-store';
import { EPC_CODES } from './codes';
import type { EpcContext } from './context';

/** The calling hospital's prescription, or a refusal (another institution's is "not found"). */
export function ownRx(ctx: EpcContext, fixmedinsCode: string, hiRxno: string): RxRow {
  if (fixmedinsCode !== ctx.app.fixmedinsCode) {
    throw new Refusal(`定点医疗机构编号 ${fixmedinsCode} 与应用所属机构不符`, EPC_CODES.validation);
  }
  const row = findRx(ctx.db, hiRxno);
  if (!row || row.fixmedins_code !== fixmedinsCode) {
    throw new Refusal(`未查询到处方信息：${hiRxno}`, EPC_CODES.notFound);
  }
  return row;
}
