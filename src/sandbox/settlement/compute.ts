import { SETTLEMENT_CODES } from './codes';
import { mulDiv, share } from './money';
import type { AppliedPolicy } from './policy';

/** One fee line as validated: counts and prices scaled by 10⁴, the line amount in fen. */
export interface FeeLine {
  feedetlSn: string;
  medListCodg: string;
  cntUnits: number;
  pricUnits: number;
  detFen: number;
  /**
   * hosp_appr_flag of the line (SETTLEMENT_CODES.hospApprFlag): '2' is use outside the drug's
   * restricted payment scope, paid in full by the patient (R-SCOPE).
   */
  hospApprFlag: string;
}

export interface LineSplit extends FeeLine {
  chrgitmLv: string;
  covered: boolean;
  stdFen: number | null;
  selfpayBp: number;
  fulamtFen: number;
  overlmtFen: number;
  preselfFen: number;
  inscpFen: number;
}

/** What this person already used this year (live settlements only). */
export interface YearUsage {
  dedcFen: number;
  hifpFen: number;
}

export interface SettleInput {
  lines: FeeLine[];
  policy: AppliedPolicy;
  usage: YearUsage;
  balanceFen: number;
  useAccount: boolean;
  pooled: boolean;
  /** Pack price in fen of each drug of the insurance catalog. */
  catalogPriceFen: (medListCodg: string) => number | undefined;
}

export interface Breakdown {
  lines: LineSplit[];
  medfeeFen: number;
  fulamtFen: number;
  overlmtFen: number;
  preselfFen: number;
  inscpFen: number;
  dedcFen: number;
  hifpFen: number;
  poolPropSelfpayFen: number;
  capExceedFen: number;
  fundFen: number;
  psnPartFen: number;
  acctFen: number;
  cashFen: number;
  balanceAfterFen: number;
  capLeftAfterFen: number;
  dedcLeftAfterFen: number;
}

function splitLine(line: FeeLine, input: SettleInput): LineSplit {
  const { region } = input.policy;
  const price = input.catalogPriceFen(line.medListCodg);
  const outOfScope = line.hospApprFlag === SETTLEMENT_CODES.hospApprFlag.outOfScope;
  const covered =
    price !== undefined && !region.nonCovered.includes(line.medListCodg) && !outOfScope;
  if (!covered) {
    return {
      ...line,
      // A catalogue drug used outside its restricted scope keeps its class; it is self-paid.
      chrgitmLv: outOfScope
        ? (region.itemClasses[line.medListCodg]?.chrgitmLv ?? SETTLEMENT_CODES.chrgitmLv.a)
        : SETTLEMENT_CODES.chrgitmLv.c,
      covered,
      stdFen: null,
      selfpayBp: 10_000,
      fulamtFen: line.detFen,
      overlmtFen: 0,
      preselfFen: 0,
      inscpFen: 0,
    };
  }
  const stdFen = region.payStandardsFen[line.medListCodg] ?? price;
  const overlmtFen = Math.max(0, line.detFen - mulDiv(line.cntUnits, stdFen, 10_000));
  const base = line.detFen - overlmtFen;
  const cls = region.itemClasses[line.medListCodg];
  const selfpayBp = cls?.selfpayBp ?? 0;
  const preselfFen = share(base, selfpayBp);
  return {
    ...line,
    chrgitmLv: cls?.chrgitmLv ?? SETTLEMENT_CODES.chrgitmLv.a,
    covered,
    stdFen,
    selfpayBp,
    fulamtFen: 0,
    overlmtFen,
    preselfFen,
    inscpFen: base - preselfFen,
  };
}

const sum = (xs: LineSplit[], f: (l: LineSplit) => number) => xs.reduce((a, l) => a + f(l), 0);

/**
 * 门诊统筹 split of one basket (R-SETTLE, R-PRICE, R-NONCOVERED): out-of-catalog items and
 * the part above the payment standard are self-paid, 乙类 items pay their self-pay share first,
 * the rest goes through the year's deductible, the pooling ratio and the annual cap; the
 * personal account (职工 only, on request) pays from what is left to the person.
 */
export function computeSettlement(input: SettleInput): Breakdown {
  const { policy, usage } = input;
  const lines = input.lines.map((l) => splitLine(l, input));
  const medfeeFen = sum(lines, (l) => l.detFen);
  const fulamtFen = sum(lines, (l) => l.fulamtFen);
  const overlmtFen = sum(lines, (l) => l.overlmtFen);
  const preselfFen = sum(lines, (l) => l.preselfFen);
  const inscpFen = sum(lines, (l) => l.inscpFen);

  const dedcLeft = Math.max(0, policy.deductibleFen - usage.dedcFen);
  const capLeft = Math.max(0, policy.annualCapFen - usage.hifpFen);
  const dedcFen = input.pooled ? Math.min(inscpFen, dedcLeft) : 0;
  const poolable = input.pooled ? inscpFen - dedcFen : 0;
  const byRatio = share(poolable, policy.ratioBp);
  const hifpFen = Math.min(byRatio, capLeft);
  const fundFen = hifpFen;
  const psnPartFen = medfeeFen - fundFen;

  const acctBase = policy.acctPaysOwnpay ? psnPartFen : psnPartFen - fulamtFen;
  const acctFen =
    input.useAccount && policy.personalAccount
      ? Math.min(Math.max(0, acctBase), Math.max(0, input.balanceFen))
      : 0;
  const result: Breakdown = {
    lines,
    medfeeFen,
    fulamtFen,
    overlmtFen,
    preselfFen,
    inscpFen,
    dedcFen,
    hifpFen,
    poolPropSelfpayFen: poolable - byRatio,
    capExceedFen: byRatio - hifpFen,
    fundFen,
    psnPartFen,
    acctFen,
    cashFen: psnPartFen - acctFen,
    balanceAfterFen: input.balanceFen - acctFen,
    capLeftAfterFen: capLeft - hifpFen,
    dedcLeftAfterFen: dedcLeft - dedcFen,
  };
  assertInvariants(result);
  return result;
}

function assertInvariants(b: Breakdown): void {
  const amounts = Object.entries(b).filter((e): e is [string, number] => typeof e[1] === 'number');
  const negative = amounts.find(([, v]) => v < 0 || !Number.isSafeInteger(v));
  if (negative) throw new Error(`结算金额异常：${negative[0]} = ${negative[1]}`);
  if (b.medfeeFen !== b.fundFen + b.psnPartFen || b.psnPartFen !== b.acctFen + b.cashFen)
    throw new Error('结算金额恒等式不成立');
  if (b.medfeeFen !== b.fulamtFen + b.overlmtFen + b.preselfFen + b.inscpFen)
    throw new Error('结算分项之和不等于医疗费总额');
}
