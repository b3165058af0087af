import { yuanText } from '../money';

export interface FundFacts {
  totalFen: number;
  fundFen: number;
  /** act_pay_dedc: the part of this bill counted towards the deductible (起付线). */
  deductibleFen: number;
  /** inscp_scp_amt: the part inside the insurance catalog. */
  inScopeFen: number;
  /** setldetail[].setl_proc_info: the center's own words (起付线, 支付比例, 年度限额…). */
  centerProcess: readonly string[];
}

/**
 * Why the pooled fund pays nothing on a bill that is not nothing, said from the center's own
 * answer (R-SETTLE, ST-EPC-02-010 "结算结果和报销政策解读"): the deductible this bill filled,
 * nothing inside the catalog, then the center's 起付线 and 支付比例. Null when the fund pays.
 */
export function zeroFundExplanation(f: FundFacts): string | null {
  if (f.fundFen > 0 || f.totalFen <= 0) return null;
  const why: string[] = [];
  if (f.inScopeFen === 0) why.push('本次费用没有医保目录内可报销的部分');
  else if (f.deductibleFen > 0)
    why.push(`本次医保目录内 ${yuanText(f.deductibleFen)} 元计入起付线，起付线以下由个人负担`);
  const process = f.centerProcess.filter((t) => t.trim() !== '');
  if (process.length > 0) why.push(`医保中心结算说明：${process.join('；')}`);
  return why.length > 0 ? `统筹基金本次支付 0.00 元：${why.join('。')}` : null;
}
