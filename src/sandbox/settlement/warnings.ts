import { sandboxCatalog } from '../hospital/catalog';
import type { PreparedSettlement } from './prepare';

/** warn_msg of 2101/2102: what the counter should tell the patient before paying. */
export function settlementWarning(p: PreparedSettlement): string | undefined {
  const notes: string[] = [];
  if (p.policy.region.poolRequiresRx && p.req.hiRxno === '') {
    notes.push('无电子处方（rxno），不享受门诊统筹');
  }
  const catalog = sandboxCatalog();
  const above = p.breakdown.lines.filter(
    (l) => l.overlmtFen > 0 && catalog.get(l.medListCodg)?.dualChannel,
  );
  if (above.length > 0) {
    notes.push(
      `双通道药品 ${above.map((l) => l.medListCodg).join('、')} 售价高于医保支付标准，双通道药品不得高于支付标准销售`,
    );
  }
  if (p.breakdown.capExceedFen > 0) notes.push('本年度门诊统筹支付已达年度限额');
  return notes.length > 0 ? notes.join('；') : undefined;
}
