import { z } from 'zod';
import type { SelfPayReason, SplitLineView, SplitView } from '../../contract/types-settlement';
import { fenOf, money, yuanText } from '../../domain/money';
import type { FeeLine } from '../../domain/settlement/fee-lines';
import { zeroFundExplanation } from '../../domain/settlement/fund-explanation';
import { SETTLE_CODES } from '../../domain/settlement/settle-codes';
import { CHARGE_LEVEL_LABELS } from './codes';

const amount = z.union([z.number(), z.string()]).transform(fenOf);
const optAmount = amount.optional().default(0);

const setlinfoSchema = z.looseObject({
  setl_id: z.string().optional(),
  mdtrt_id: z.string().optional(),
  psn_name: z.string().optional(),
  certno: z.string().optional(),
  medfee_sumamt: amount,
  fulamt_ownpay_amt: optAmount,
  overlmt_selfpay: optAmount,
  preselfpay_amt: optAmount,
  inscp_scp_amt: optAmount,
  act_pay_dedc: optAmount,
  pool_prop_selfpay: optAmount,
  fund_pay_sumamt: amount,
  psn_part_amt: amount,
  acct_pay: amount,
  psn_cash_pay: amount,
  balc: amount.optional(),
});

const cutSchema = z.looseObject({
  feedetl_sn: z.string(),
  pric_uplmt_amt: optAmount,
  fulamt_ownpay_amt: optAmount,
  overlmt_amt: optAmount,
  preselfpay_amt: optAmount,
  inscp_scp_amt: optAmount,
  chrgitm_lv: z.string().optional().default(''),
});

/** The part of a 2101/2102 answer the counter relies on; anything unreadable is refused. */
export const settleOutputSchema = z.looseObject({
  setlinfo: setlinfoSchema,
  setldetail: z
    .array(z.looseObject({ setl_proc_info: z.string().optional().default('') }))
    .default([]),
  detlcutinfo: z.array(cutSchema).default([]),
});

export type SettleOutput = z.output<typeof settleOutputSchema>;

function reasons(
  cut: z.output<typeof cutSchema>,
  line: FeeLine,
  outOfScope: boolean,
): SelfPayReason[] {
  const out: SelfPayReason[] = [];
  if (cut.fulamt_ownpay_amt > 0 && outOfScope) {
    out.push({
      code: 'OUT_OF_SCOPE',
      amount: money(cut.fulamt_ownpay_amt),
      message: `「${line.name}」超出医保限定支付范围（开方医院审批不通过），患者已签署自费用药知情同意书，${yuanText(cut.fulamt_ownpay_amt)} 元全额自付`,
      ruleId: 'R-SCOPE',
    });
  } else if (cut.fulamt_ownpay_amt > 0) {
    out.push({
      code: 'NON_COVERED',
      amount: money(cut.fulamt_ownpay_amt),
      message: `「${line.name}」不属于医保基金支付范围，${yuanText(cut.fulamt_ownpay_amt)} 元全额自付`,
      ruleId: 'R-NONCOVERED',
    });
  }
  if (cut.overlmt_amt > 0) {
    out.push({
      code: 'ABOVE_STANDARD',
      amount: money(cut.overlmt_amt),
      message: `「${line.name}」售价高于医保支付标准（${yuanText(cut.pric_uplmt_amt)} 元），超出部分 ${yuanText(cut.overlmt_amt)} 元由个人自付`,
      ruleId: 'R-PRICE',
    });
  }
  if (cut.preselfpay_amt > 0) {
    out.push({
      code: 'PRE_SELFPAY',
      amount: money(cut.preselfpay_amt),
      message: `「${line.name}」为乙类药品，先行自付 ${yuanText(cut.preselfpay_amt)} 元`,
      ruleId: null,
    });
  }
  return out;
}

/** The feedetl_sn of the lines a 2101/2102 input sent as outside the restricted scope (R-SCOPE). */
export function outOfScopeSns(input: unknown): ReadonlySet<string> {
  const detail = (input as { drugdetail?: unknown } | null)?.drugdetail;
  if (!Array.isArray(detail)) return new Set();
  return new Set(
    detail
      .filter((d) => d?.hosp_appr_flag === SETTLE_CODES.hospApprFlag.outOfScope)
      .map((d) => String(d.feedetl_sn)),
  );
}

/** The lines as the center split them, joined with what we billed. */
export function splitLines(
  out: SettleOutput,
  lines: FeeLine[],
  outOfScope: ReadonlySet<string> = new Set(),
): SplitLineView[] {
  return lines.map((l) => {
    const cut = out.detlcutinfo.find((c) => c.feedetl_sn === l.feedetlSn);
    const zero = money(0);
    return {
      feedetlSn: l.feedetlSn,
      lineNo: l.lineNo,
      medListCodg: l.medListCodg,
      name: l.name,
      quantity: l.quantity,
      unit: l.unit,
      price: money(Math.round(l.priceUnits / 100)),
      total: money(l.totalFen),
      payStandard: cut && cut.pric_uplmt_amt > 0 ? money(cut.pric_uplmt_amt) : null,
      chargeLevel: cut?.chrgitm_lv ?? '',
      chargeLevelLabel: CHARGE_LEVEL_LABELS[cut?.chrgitm_lv ?? ''] ?? '',
      fullOwnPay: cut ? money(cut.fulamt_ownpay_amt) : zero,
      overLimit: cut ? money(cut.overlmt_amt) : zero,
      preSelfPay: cut ? money(cut.preselfpay_amt) : zero,
      inScope: cut ? money(cut.inscp_scp_amt) : zero,
      selfPayReasons: cut ? reasons(cut, l, outOfScope.has(l.feedetlSn)) : [],
    };
  });
}

export function splitTotals(out: SettleOutput, warnMsg: string | null): SplitView {
  const s = out.setlinfo;
  return {
    total: money(s.medfee_sumamt),
    fund: money(s.fund_pay_sumamt),
    account: money(s.acct_pay),
    cash: money(s.psn_cash_pay),
    personalPart: money(s.psn_part_amt),
    fullOwnPay: money(s.fulamt_ownpay_amt),
    overLimit: money(s.overlmt_selfpay),
    preSelfPay: money(s.preselfpay_amt),
    inScope: money(s.inscp_scp_amt),
    deductible: money(s.act_pay_dedc),
    poolSelfPay: money(s.pool_prop_selfpay),
    balanceAfter: s.balc === undefined ? null : money(s.balc),
    centerWarnings: warnMsg ? [warnMsg] : [],
    zeroFundExplanation: zeroFundExplanation({
      totalFen: s.medfee_sumamt,
      fundFen: s.fund_pay_sumamt,
      deductibleFen: s.act_pay_dedc,
      inScopeFen: s.inscp_scp_amt,
      centerProcess: out.setldetail.map((d) => d.setl_proc_info),
    }),
  };
}

export const selfPayNotices = (lines: SplitLineView[]): string[] =>
  lines.flatMap((l) => l.selfPayReasons.map((r) => r.message));
