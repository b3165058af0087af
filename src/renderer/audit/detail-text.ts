/** Chinese names of the detail fields the audit policy records (src/services/audit/audit-policy.ts). */
const LABELS: Record<string, string> = {
  ok: '完整',
  entries: '条数',
  firstBrokenSeq: '首个断点',
  anchor: '锚点',
  centerSignedIn: '已签到医保中心',
  result: '审核结果',
  reviewId: '审方号',
  statusCode: '审核状态码',
  dualChannel: '双通道核验',
  dispensingId: '调剂号',
  state: '状态',
  settlementId: '结算号',
  setlId: '结算ID',
  reason: '原因',
  saleId: '销售号',
  totalFen: '金额(分)',
  lines: '明细',
  batchId: '批次',
  batchNo: '批号',
  expiry: '有效期',
  packs: '盒数',
  packsOnHand: '现有盒数',
  deltaPacks: '变动盒数',
  invoiceNo: '发票号',
  memo: '备注',
  batches: '批次数',
  msgid: '报文ID',
  regionId: '统筹地区',
  id: '编号',
  institutionCode: '机构编码',
  serialNo: '处方编号',
  rxDate: '处方日期',
  count: '张数',
  checked: '验签张数',
  failed: '未通过张数',
  fileName: '文件',
  file: '文件',
  size: '字节',
  bytes: '字节',
  sm3: 'SM3',
  from: '起',
  to: '止',
  format: '格式',
  shiftId: '班次',
  pharmacistCode: '药师编码',
  username: '用户名',
  role: '岗位',
  certnoMasked: '身份证号',
  active: '在用',
  finding: '发现',
  error: '错误',
  medListCodg: '药品编码',
};

const show = (v: unknown): string => {
  if (v === true) return '是';
  if (v === false) return '否';
  if (v === null || v === undefined) return '—';
  if (typeof v === 'object') {
    const e = v as { message?: unknown; ruleId?: unknown };
    if (typeof e.message === 'string') return `${e.message}${e.ruleId ? `（${e.ruleId}）` : ''}`;
    if (Array.isArray(v)) return v.map((item) => show(item)).join('、');
    return `（${pairs(v as Record<string, unknown>, '，')}）`;
  }
  return String(v);
};

/** The (already masked) detail as one line of Chinese "名称：值" pairs. */
export function detailText(detail: Record<string, unknown>): string {
  return pairs(detail, '；');
}

function pairs(detail: Record<string, unknown>, separator: string): string {
  return Object.entries(detail)
    .map(([k, v]) => `${LABELS[k] ?? k}：${show(v)}`)
    .join(separator);
}
