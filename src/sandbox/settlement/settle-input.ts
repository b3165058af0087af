import { PAPER_RX_FORM, RX_FORM_FIELD } from '../../domain/paper/paper-rxno';
import { field, requireField } from '../fsi/context';
import { isObject } from '../http-util';
import { Refusal } from '../refusal';
import { SETTLEMENT_CODES } from './codes';
import type { FeeLine } from './compute';
import { scaled } from './money';

/** Input node names of 2101/2102: the research's names first, then the accepted aliases. */
export const SETTLE_INPUT_NODES = {
  head: ['druginfo', 'data'],
  lines: ['drugdetail', 'feedetail'],
} as const;

const MAX_LINES = 200;

export interface SettleRequest {
  psnNo: string;
  mdtrtCertType: string;
  mdtrtCertNo: string;
  cardSn: string;
  insutype: string;
  medType: string;
  /** dise_codg / dise_name: the disease a 门特/门慢 settlement is for (R-MT-SETTLE). */
  diseCodg: string;
  diseName: string;
  medfeeFen: number;
  useAccount: boolean;
  invono: string;
  /**
   * hi_rxno of the e-prescription (rxno with rx_circ_flag 1), a paper prescription's
   * `<institution>-<serial>`, or '' for a plain purchase.
   */
  hiRxno: string;
  /** 'paper' when druginfo carries x_rx_form 'paper' (src/domain/paper/paper-rxno.ts). */
  rxForm: 'electronic' | 'paper';
  lines: FeeLine[];
}

function node(input: Record<string, unknown>, names: readonly string[]): unknown {
  const name = names.find((n) => input[n] !== undefined);
  return name === undefined ? undefined : input[name];
}

function amount(line: Record<string, unknown>, name: string, label: string, decimals: number) {
  const v = scaled(line[name], decimals);
  if (v === null) throw new Refusal(`${label}（${name}）应为不超过 ${decimals} 位小数的非负数`);
  return v;
}

function parseLine(
  line: Record<string, unknown>,
  index: number,
): FeeLine & { rxno: string; circ: string } {
  const at = `费用明细第 ${index + 1} 行`;
  const cntUnits = amount(line, 'cnt', `${at}数量`, 4);
  if (cntUnits === 0) throw new Refusal(`${at}数量（cnt）应大于 0`);
  const pricUnits = amount(line, 'pric', `${at}单价`, 4);
  const detFen = amount(line, 'det_item_fee_sumamt', `${at}明细项目费用总额`, 2);
  const expected = Number((BigInt(cntUnits) * BigInt(pricUnits) * 2n + 1_000_000n) / 2_000_000n);
  if (Math.abs(expected - detFen) > 1) {
    throw new Refusal(`${at}明细项目费用总额（det_item_fee_sumamt）与数量×单价不符`);
  }
  return {
    feedetlSn: requireField(line, 'feedetl_sn', `${at}费用明细流水号`),
    medListCodg: requireField(line, 'med_list_codg', `${at}医疗目录编码`),
    cntUnits,
    pricUnits,
    detFen,
    hospApprFlag: hospApprFlagOf(line, at),
    rxno: field(line, 'rxno'),
    circ: field(line, 'rx_circ_flag'),
  };
}

function hospApprFlagOf(line: Record<string, unknown>, at: string): string {
  const flag = field(line, 'hosp_appr_flag') || SETTLEMENT_CODES.hospApprFlag.none;
  if (!Object.values(SETTLEMENT_CODES.hospApprFlag).includes(flag as '0')) {
    throw new Refusal(`${at}医院审批标志（hosp_appr_flag）应为 0、1 或 2`);
  }
  return flag;
}

function prescriptionOf(head: Record<string, unknown>, lines: { rxno: string; circ: string }[]) {
  const numbers = new Set([field(head, 'rxno'), ...lines.map((l) => l.rxno)].filter(Boolean));
  const flags = new Set([field(head, 'rx_circ_flag'), ...lines.map((l) => l.circ)]);
  if (numbers.size > 1) throw new Refusal('一次结算只能对应一张电子处方（rxno 不一致）');
  const [hiRxno = ''] = numbers;
  if (hiRxno !== '' && !flags.has('1')) {
    throw new Refusal('填写处方号（rxno）时外购处方标志（rx_circ_flag）应为 1');
  }
  if (hiRxno === '' && flags.has('1')) {
    throw new Refusal('外购处方标志（rx_circ_flag）为 1 时须填写医保处方编号（rxno）');
  }
  return hiRxno;
}

/** Our extension marks a paper outside prescription; anything else in it is an error. */
function rxFormOf(head: Record<string, unknown>, hiRxno: string): SettleRequest['rxForm'] {
  const form = field(head, RX_FORM_FIELD);
  if (form === '') return 'electronic';
  if (form !== PAPER_RX_FORM) {
    throw new Refusal(`处方形式（${RX_FORM_FIELD}）只能为 ${PAPER_RX_FORM}（纸质处方）或不填`);
  }
  if (hiRxno === '') {
    throw new Refusal('纸质外配处方须填写处方号（rxno，医疗机构编码-处方编号）');
  }
  return 'paper';
}

/** Reads and checks a 2101/2102 input (amounts in yuan on the wire, fen here). */
export function parseSettleRequest(input: Record<string, unknown>): SettleRequest {
  const head = node(input, SETTLE_INPUT_NODES.head);
  if (!isObject(head)) throw new Refusal('输入参数缺少 druginfo 节点');
  const rawLines = node(input, SETTLE_INPUT_NODES.lines);
  if (!Array.isArray(rawLines) || rawLines.length === 0) {
    throw new Refusal('输入参数缺少费用明细（drugdetail），至少一行');
  }
  if (rawLines.length > MAX_LINES) throw new Refusal(`费用明细不能超过 ${MAX_LINES} 行`);
  const lines = rawLines.map((l, i) => {
    if (!isObject(l)) throw new Refusal(`费用明细第 ${i + 1} 行应为 JSON 对象`);
    return parseLine(l, i);
  });
  const sns = new Set(lines.map((l) => l.feedetlSn));
  if (sns.size !== lines.length) throw new Refusal('费用明细流水号（feedetl_sn）不能重复');
  const medfeeFen = scaled(head.medfee_sumamt, 2);
  if (medfeeFen === null)
    throw new Refusal('医疗费总额（medfee_sumamt）应为不超过 2 位小数的非负数');
  if (medfeeFen !== lines.reduce((a, l) => a + l.detFen, 0)) {
    throw new Refusal('医疗费总额（medfee_sumamt）与费用明细合计不符');
  }
  const medType = requireField(head, 'med_type', '医疗类别');
  if (!SETTLEMENT_CODES.medTypes.includes(medType)) {
    throw new Refusal(
      `医疗类别（med_type）${medType} 不能在定点药店结算，应为 41、11 或 14（门诊慢特病）`,
    );
  }
  const acctFlag = field(head, 'acct_used_flag') || '0';
  if (acctFlag !== '0' && acctFlag !== '1')
    throw new Refusal('个人账户使用标志（acct_used_flag）应为 0 或 1');
  const certType = requireField(head, 'mdtrt_cert_type', '就诊凭证类型');
  const hiRxno = prescriptionOf(head, lines);
  const rxForm = rxFormOf(head, hiRxno);
  return {
    psnNo: requireField(head, 'psn_no', '人员编号'),
    mdtrtCertType: certType,
    mdtrtCertNo: field(head, 'mdtrt_cert_no') || (certType === '02' ? field(head, 'certno') : ''),
    cardSn: field(head, 'card_sn'),
    insutype: requireField(head, 'insutype', '险种类型'),
    medType,
    diseCodg: field(head, 'dise_codg'),
    diseName: field(head, 'dise_name'),
    medfeeFen,
    useAccount: acctFlag === '1',
    invono: field(head, 'invono'),
    hiRxno,
    rxForm,
    lines: lines.map(({ rxno: _r, circ: _c, ...l }) => l),
  };
}
