import { sameIdNumber } from '../insurance';

/**
 * Checks of a settlement reply (2101 / 2102 / 2103) before the counter believes it (R-SETTLE).
 * Amounts must be numbers (or numeric strings) of at most two decimals; in integer fen the
 * split must add up (medfee = fund + personal part, personal part = account + cash), no amount
 * may be negative, the total must be what was sent, and the ids must be this request's. A
 * reply that fails is not a settlement: its outcome is unknown (the 2601 path decides).
 */

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const YUAN_TEXT = /^-?\d{1,12}(\.\d{1,2})?$/;

/** Strict yuan → fen: a finite number or numeric string of at most two decimals, else null. */
export function strictFen(value: unknown): number | null {
  if (typeof value === 'string') {
    if (!YUAN_TEXT.test(value.trim())) return null;
    return strictFen(Number(value.trim()));
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) return null;
  const fen = Math.round(value * 100);
  if (Math.abs(fen - value * 100) > 1e-6 || !Number.isSafeInteger(fen)) return null;
  return fen;
}

export type ReplyCheck<T> = { ok: true; value: T } | { ok: false; problems: string[] };

/** What a 2101/2102 request asked for, to hold the reply against. */
export interface SettleRequestFacts {
  infno: '2101' | '2102';
  msgid: string;
  psnNo: string;
  /** The prescription's patient: the center may settle on no one else's account. */
  certno: string;
  medfeeFen: number;
  feedetlSns: readonly string[];
}

/** The parts of a checked 2101/2102 reply the counter uses. */
export interface CheckedSettlement {
  /** Empty for a 2101 (a pre-settlement has no settlement id). */
  setlId: string;
  mdtrtId: string;
  psnNo: string;
  /** Whose account the center says it settled on (for the preview and the receipt). */
  psnName: string;
  certno: string;
  medfeeFen: number;
  fundFen: number;
  psnPartFen: number;
  acctFen: number;
  cashFen: number;
}

const SPLIT_REQUIRED = [
  ['medfee_sumamt', '医疗费总额'],
  ['fund_pay_sumamt', '基金支付总额'],
  ['psn_part_amt', '个人负担总金额'],
  ['acct_pay', '个人账户支出'],
  ['psn_cash_pay', '个人现金支出'],
] as const;

const SPLIT_OPTIONAL = [
  'fulamt_ownpay_amt',
  'overlmt_selfpay',
  'preselfpay_amt',
  'inscp_scp_amt',
  'act_pay_dedc',
  'pool_prop_selfpay',
  'balc',
] as const;

const CUT_AMOUNTS = [
  'det_item_fee_sumamt',
  'pric_uplmt_amt',
  'fulamt_ownpay_amt',
  'overlmt_amt',
  'preselfpay_amt',
  'inscp_scp_amt',
] as const;

/** Reads amounts into fen, noting each unreadable or negative one. */
function amounts(
  obj: Json,
  where: string,
  required: ReadonlyArray<readonly [string, string]>,
  optional: readonly string[],
  problems: string[],
): Record<string, number> {
  const out: Record<string, number> = {};
  const read = (key: string, label: string | null, mustHave: boolean) => {
    const name = label ? `${label}（${key}）` : key;
    const raw = obj[key];
    if (raw === undefined || raw === null || raw === '') {
      if (mustHave) problems.push(`${where}缺少${name}`);
      return;
    }
    const fen = strictFen(raw);
    if (fen === null) problems.push(`${where}${name}不是有效金额：${String(raw)}`);
    else if (fen < 0) problems.push(`${where}${name}为负数：${String(raw)}`);
    else out[key] = fen;
  };
  for (const [key, label] of required) read(key, label, true);
  for (const key of optional) read(key, null, false);
  return out;
}

const text = (v: unknown): string => (typeof v === 'string' ? v : '');

function checkCuts(output: Json, facts: SettleRequestFacts, problems: string[]): void {
  const cuts = output.detlcutinfo ?? [];
  if (!Array.isArray(cuts)) {
    problems.push('明细分割信息（detlcutinfo）不是数组');
    return;
  }
  const seen = new Set<string>();
  for (const [i, cut] of cuts.entries()) {
    if (!isObject(cut)) {
      problems.push(`明细分割第${i + 1}项不是对象`);
      continue;
    }
    const sn = text(cut.feedetl_sn);
    if (!facts.feedetlSns.includes(sn)) problems.push(`明细分割含本次未上传的费用明细：${sn}`);
    if (seen.has(sn)) problems.push(`明细分割重复：${sn}`);
    seen.add(sn);
    amounts(cut, `明细 ${sn} 的`, [], CUT_AMOUNTS, problems);
  }
}

/** Checks a 2101/2102 output against its request (R-SETTLE). */
export function checkSettleReply(
  output: unknown,
  facts: SettleRequestFacts,
): ReplyCheck<CheckedSettlement> {
  if (!isObject(output) || !isObject(output.setlinfo)) {
    return { ok: false, problems: ['应答缺少结算信息（setlinfo）'] };
  }
  const s = output.setlinfo;
  const problems: string[] = [];
  const a = amounts(s, '', SPLIT_REQUIRED, SPLIT_OPTIONAL, problems);
  const { medfee_sumamt: medfee, fund_pay_sumamt: fund, psn_part_amt: part } = a;
  const { acct_pay: acct, psn_cash_pay: cash } = a;
  if (medfee !== undefined && fund !== undefined && part !== undefined && medfee !== fund + part)
    problems.push('医疗费总额不等于基金支付与个人负担之和');
  if (part !== undefined && acct !== undefined && cash !== undefined && part !== acct + cash)
    problems.push('个人负担不等于个人账户与现金支付之和');
  if (medfee !== undefined && medfee !== facts.medfeeFen)
    problems.push(`医疗费总额 ${medfee} 分与本次上传的 ${facts.medfeeFen} 分不符`);
  if (text(s.psn_no) !== facts.psnNo) problems.push('人员编号（psn_no）不是本次结算的参保人');
  if (!sameIdNumber(text(s.certno), facts.certno))
    problems.push('应答的参保人证件号码不是处方患者本人');
  if (text(s.medins_setl_id) !== facts.msgid)
    problems.push('应答的机构结算ID（medins_setl_id）不是本次请求的报文ID');
  const setlId = text(s.setl_id);
  const mdtrtId = text(s.mdtrt_id);
  if (facts.infno === '2102' && (!setlId || !mdtrtId)) problems.push('结算应答缺少结算ID或就诊ID');
  checkCuts(output, facts, problems);
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    value: {
      setlId: facts.infno === '2102' ? setlId : '',
      mdtrtId,
      psnNo: facts.psnNo,
      psnName: text(s.psn_name),
      certno: text(s.certno),
      medfeeFen: medfee ?? 0,
      fundFen: fund ?? 0,
      psnPartFen: part ?? 0,
      acctFen: acct ?? 0,
      cashFen: cash ?? 0,
    },
  };
}

/** The settlement a 2103 reverses, as stored when it was settled. */
export interface RefundRequestFacts {
  setlId: string;
  mdtrtId: string;
  medfeeFen: number;
  fundFen: number;
  acctFen: number;
  cashFen: number;
}

const REFUND_REQUIRED = [
  ['medfee_sumamt', '医疗费总额'],
  ['fund_pay_sumamt', '基金支付总额'],
  ['psn_pay', '个人支付金额'],
  ['acct_pay', '个人账户支出'],
  ['cash_payamt', '现金支付金额'],
] as const;

/** Checks a 2103 output: the settlement it names is the one reversed, amounts as settled. */
export function checkRefundReply(output: unknown, facts: RefundRequestFacts): ReplyCheck<null> {
  if (!isObject(output) || !isObject(output.setlinfo)) {
    return { ok: false, problems: ['应答缺少结算信息（setlinfo）'] };
  }
  const s = output.setlinfo;
  const problems: string[] = [];
  const a = amounts(s, '', REFUND_REQUIRED, ['balc'], problems);
  if (text(s.setl_id) !== facts.setlId) problems.push('撤销应答的结算ID不是本次撤销的结算');
  if (text(s.mdtrt_id) !== facts.mdtrtId) problems.push('撤销应答的就诊ID不是本次撤销的结算');
  const expected: Array<[string, number]> = [
    ['medfee_sumamt', facts.medfeeFen],
    ['fund_pay_sumamt', facts.fundFen],
    ['psn_pay', facts.acctFen + facts.cashFen],
    ['acct_pay', facts.acctFen],
    ['cash_payamt', facts.cashFen],
  ];
  for (const [key, fen] of expected) {
    if (a[key] !== undefined && a[key] !== fen)
      problems.push(`撤销金额 ${key}（${a[key]} 分）与原结算（${fen} 分）不符`);
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: null };
}
