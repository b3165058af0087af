/**
 * The policy rules the counter enforces, distilled from the five seed documents
 * (see shared/spec/policy-rules.md). Every refusal the app shows carries one of these ids,
 * its Chinese reason and the clause that requires it.
 */
export const SEED_DOCUMENTS = {
  '000': '国家医保局《关于规范医保药品外配处方管理的通知》',
  '001':
    '东莞市医疗保障局《关于进一步做好基本医疗保险门诊特定病种服务资格管理有关事项的通知》东医保〔2024〕41号',
  '002':
    '辽宁省医疗保障局办公室《关于做好定点零售药店纳入门诊统筹管理的通知》辽医保办发〔2023〕1号',
  '003': '聊城市医疗保障局《关于规范“双通道”药品管理的通知》',
  '004': '重庆市医疗保障局办公室《关于做好医保电子处方流转有关工作的通知》渝医保办〔2023〕70号',
} as const;

export type SeedDocumentId = keyof typeof SEED_DOCUMENTS;
export const SEED_DOCUMENT_IDS = Object.keys(SEED_DOCUMENTS) as [
  SeedDocumentId,
  ...SeedDocumentId[],
];

/**
 * Where each document governs: the admdvs prefix of its region ('' = national). A regional
 * document binds only packs of that region; citing it elsewhere misleads the pharmacist.
 */
const DOCUMENT_REGION: Record<SeedDocumentId, { prefix: string; marker: string }> = {
  '000': { prefix: '', marker: '国家医保局' },
  '001': { prefix: '4419', marker: '东医保〔2024〕41号' },
  '002': { prefix: '21', marker: '辽医保办发〔2023〕1号' },
  '003': { prefix: '3715', marker: '聊城市医疗保障局' },
  '004': { prefix: '50', marker: '渝医保办〔2023〕70号' },
};

/** Whether `doc` binds a region (its admdvs; null = no region known, only national documents). */
export function documentGoverns(doc: SeedDocumentId, admdvs: string | null): boolean {
  const { prefix } = DOCUMENT_REGION[doc];
  return prefix === '' || admdvs?.startsWith(prefix) === true;
}

/** The documents a text names by their number (e.g. "渝医保办〔2023〕70号"). */
export function documentsNamedIn(text: string): SeedDocumentId[] {
  return SEED_DOCUMENT_IDS.filter((d) => text.includes(DOCUMENT_REGION[d].marker));
}

export interface PolicyRule {
  readonly id: string;
  /** What the rule demands, in Chinese, as shown to staff. */
  readonly title: string;
  /** Seed document and clause, e.g. "004 ST-EPC-02-008". */
  readonly source: string;
}

const rule = (id: string, title: string, source: string): PolicyRule => ({ id, title, source });

export const RULES = {
  'R-CENTER': rule(
    'R-CENTER',
    '电子处方中心已上线地区，处方须从中心下载、按方调剂并归档',
    '000 §二；004 §二(四)',
  ),
  'R-AUTH': rule(
    'R-AUTH',
    '下载处方须经参保人授权：扫医保电子凭证，或读社保卡/身份证并验证电子凭证密码',
    '004 ST-EPC-02-001、ST-EPC-02-005',
  ),
  'R-SIGN': rule(
    'R-SIGN',
    '审方前须验证医疗机构的SM2电子签名并展示证书与机构信息；签名无效或证书吊销/过期不得审核结算',
    '004 §二(三)2、ST-EPC-02-008',
  ),
  'R-SIGNERS': rule('R-SIGNERS', '处方须有医保医师签名和医疗机构药师审核签名', '004 ST-EPC-01-008'),
  'R-LAYOUT': rule(
    'R-LAYOUT',
    '药师须核对结构化数据与处方版式文件，不一致不得结算',
    '004 §二(三)3、ST-EPC-02-007',
  ),
  'R-VALID': rule(
    'R-VALID',
    '处方超过有效期即失效（以处方自身有效期为准，且不超过地区上限），不得审核、调剂或结算',
    '004 §二(三)1；001 §三(一)',
  ),
  'R-REGION': rule('R-REGION', '仅接受本统筹地区定点医疗机构开具的处方', '000 §三'),
  'R-EXCLUDED': rule('R-EXCLUDED', '麻醉、精神、放射性等药品不纳入电子处方流转', '004 §二(二)'),
  'R-LONGRX': rule(
    'R-LONGRX',
    '长期处方用量不得超过上限（辽宁省为12周；其他地区按本地区政策包）',
    '002 §四(二)',
  ),
  'R-STATUS': rule(
    'R-STATUS',
    '已取药、已撤销或已在他处结算的处方不得再次调剂，以中心状态为准',
    '004 §二(四)；000 §三',
  ),
  'R-PHARMACIST': rule(
    'R-PHARMACIST',
    '审方须由在岗、具有国家药师编码的执业药师完成，并以本人医保电子凭证核验身份；收银员不得审方',
    '002 §二(一)；004 ST-EPC-02-006',
  ),
  'R-OPINION': rule(
    'R-OPINION',
    '审方须记录结论（通过/驳回）与书面意见并上传中心',
    '004 ST-EPC-02-007',
  ),
  'R-CHECKS': rule(
    'R-CHECKS',
    '审方核对处方真实性、合法性、规范性：药品、剂量、数量、有效期、患者身份',
    '000 §二',
  ),
  'R-HISTORY': rule(
    'R-HISTORY',
    '“双通道”药品须核验身份、处方、病历及用药记录并登记',
    '003 §一(二)3；000 §五',
  ),
  'R-NOSWAP': rule(
    'R-NOSWAP',
    '不得擅自更改或替换流转处方药品，不得超量销售',
    '004 §三(二)3、ST-EPC-02-010；002 §四(三)',
  ),
  'R-TRACE': rule(
    'R-TRACE',
    '每一盒售出药品的追溯码须扫码并上传',
    '000 §二；001 §四(一)；003 §一(二)3',
  ),
  'R-TRACE-ONCE': rule(
    'R-TRACE-ONCE',
    '同一追溯码只能销售一次，重复追溯码须拦截并显示此前销售',
    '000 前言、§五',
  ),
  'R-GSP-RX': rule(
    'R-GSP-RX',
    '处方药须凭处方销售，审核、调配、核对分步由具名人员完成；仅非处方药与非药品可无处方零售，上传如实标注处方药标志',
    '001 §三(四)；004 §三(二)5',
  ),
  'R-GUIDE': rule('R-GUIDE', '结算后药师须按处方进行用药指导', '004 ST-EPC-02-012'),
  'R-DELIVERY': rule(
    'R-DELIVERY',
    '配送须确认患者签收、保障冷链，配送费不得由医保支付',
    '004 ST-EPC-02-011；002 §三(一)',
  ),
  'R-SETTLE': rule(
    'R-SETTLE',
    '严格按电子处方结算，按中心结果区分统筹与自付并出具凭证',
    '004 §二(四)、ST-EPC-02-010',
  ),
  'R-REVERSE': rule('R-REVERSE', '退费由药店发起结算撤销，中心恢复处方状态', '004 §二(四)'),
  'R-PRICE': rule('R-PRICE', '“双通道”谈判药品不得高于医保支付标准销售', '003 §一(二)3、§二(二)7'),
  'R-NONCOVERED': rule(
    'R-NONCOVERED',
    '医保基金支付范围外的项目不得纳入统筹结算',
    '002 §三(一)、§四(三)',
  ),
  'R-STOCK': rule(
    'R-STOCK',
    '进销存数据（含追溯码）须完整、准确、实时上传',
    '001 §二(二)3、§三(四)；002 §二(四)、§三(四)',
  ),
  // policy-rules.md also cites 002 §四(三), which is about fund supervision, not supply.
  'R-SUPPLY': rule(
    'R-SUPPLY',
    '药品须来自正规稳定的供货渠道并按规范储存：入库登记供应商及其有效许可证，过期药品不得入库或销售；冷链药品须记录到货温度与存放位置',
    '002 §二(三)；004 ST-EPC-02-011',
  ),
  'R-SALES-UP': rule('R-SALES-UP', '流转处方的销售出库明细须上传电子处方中心', '004 ST-EPC-02-009'),
  'R-KEEP': rule(
    'R-KEEP',
    '处方及进销存记录须完整保存，纸质处方至少保存2年，保存期内不得删除',
    '000 §一、§二；002 §二(四)',
  ),
  'R-CATALOG': rule('R-CATALOG', '医保目录内药品品种应不低于经营品种的70%', '002 §二(三)'),
  'R-RECON': rule('R-RECON', '药店须能提供任意期间的调剂数据供医保部门对账', '000 §三'),
  'R-SUPERVISE': rule(
    'R-SUPERVISE',
    '药店系统须接入医保智能监管子系统，结算前的事前事中审核提示须经处理并留痕',
    '000 §四；002 §二(二)；001 §二(二)2',
  ),
  'R-RISK': rule(
    'R-RISK',
    '纸质处方量大、单张处方量大、同一参保人反复超量等为重点检查信号',
    '000 §五',
  ),
  'R-PRICE-PUB': rule(
    'R-PRICE-PUB',
    '流转药品价格须公开，药店须提供在售药品信息查询',
    '001 §四(三)；004 ST-EPC-02-004',
  ),
  'R-PAPER-VALID': rule(
    'R-PAPER-VALID',
    '纸质外配处方须有医保医师签名并加盖外配处方专用章',
    '000 §一',
  ),
  'R-PAPER-NO': rule(
    'R-PAPER-NO',
    '纸质处方须有医疗机构内连续唯一编号，重复编号为风险信号',
    '000 §一',
  ),
  'R-PAPER-KEEP': rule('R-PAPER-KEEP', '纸质处方（影像与数据）至少保存2年并定期报送', '000 §二'),
  'R-PAPER-DUAL': rule(
    'R-PAPER-DUAL',
    '2025年1月1日起“双通道”药品不再使用纸质处方（地区过渡期另定）',
    '000 §四；001 §四(五)',
  ),
  'R-PAPER-EXT': rule(
    'R-PAPER-EXT',
    '延长纸质处方使用时间须经省级医保部门同意，且延长不超过3个月',
    '000 §四；001 §四(一)',
  ),
  'R-REPORT-SUSPECT': rule(
    'R-REPORT-SUSPECT',
    '发现存疑处方可拒绝调剂，并及时向当地医保部门反映存疑外配处方线索',
    '000 §二',
  ),
  'R-MT-SETTLE': rule(
    'R-MT-SETTLE',
    '门特（门诊慢特病）外配处方按门特“一站式”结算：医疗类别与病种编码随处方进入结算；住院患者外购“双通道”药品的外配处方费用与住院费用合并结算',
    '001 §一；003 §三(一)',
  ),
  'R-MT-CLAIM': rule(
    'R-MT-CLAIM',
    '未经电子处方中心流转的合规门特购药费用由参保人全额自付，凭药店出具的材料回开具处方的市内定点医疗机构办理零星报销，不得医保结算',
    '001 §三(一)',
  ),
  'R-DUAL-FIX': rule(
    'R-DUAL-FIX',
    '“双通道”药品“三定”：二级以上定点医疗机构的责任医师开具，专科医院限本专科用药，门诊慢特病患者须有经审核同意的“双通道”药品使用申请表',
    '003 §一(二)1、2，§三(二)',
  ),
  'R-SCOPE': rule(
    'R-SCOPE',
    '限定支付范围药品：医院审批标志随处方进入结算；超范围使用由患者签署自费用药知情同意书并全额自付',
    '003 §一(二)1；004 §三(三)；001 §三(三)',
  ),
  'R-NO-STATS': rule(
    'R-NO-STATS',
    '不得按医师统计、排名或导出处方量（违规统方将被取消接入资格）；医师信息仅随单张处方供核查',
    '004 §三(二)1',
  ),
  'R-COMPLAINT': rule(
    'R-COMPLAINT',
    '药店须建立投诉举报受理制度：及时核查纠正，不属于本店业务范围的及时反馈当地医保经办机构',
    '004 §三(一)',
  ),
  'R-EINVOICE': rule(
    'R-EINVOICE',
    '药店须能为参保人员提供电子票据、电子发票或纸质票据，由参保人选择',
    '002 §二(二)',
  ),
  'R-DELIVERY-REC': rule(
    'R-DELIVERY-REC',
    '药品购销存记录及配送相关信息须真实完整，按要求上传，全程可追溯',
    '002 §二(四)',
  ),
} as const satisfies Record<string, PolicyRule>;

export type RuleId = keyof typeof RULES;

/**
 * A rule as the counter shows it: id, title and the documents behind it by title and section.
 * With `admdvs` (a pack's region; null for none) only the documents that govern that region are
 * named, so a Chongqing refusal never cites Liaoning's notice.
 */
export function citation(id: RuleId, admdvs?: string | null): string {
  const r = RULES[id];
  const parts = sourceParts(r.source).filter(
    (p) => admdvs === undefined || p.doc === null || documentGoverns(p.doc, admdvs),
  );
  return parts.every((p) => p.doc === null)
    ? `${r.id}：${r.title}`
    : `${r.id}：${r.title}（依据：${parts.map((p) => p.text).join('；')}）`;
}

/** Whether every document the rule cites binds the region (a regional rule elsewhere does not apply). */
export function ruleGoverns(id: RuleId, admdvs: string | null): boolean {
  return sourceParts(RULES[id].source).every(
    (p) => p.doc === null || documentGoverns(p.doc, admdvs),
  );
}

/**
 * The rule's title and its documents by title and section, for a refusal's citation line; with
 * `admdvs` (the pharmacy's region pack) only the documents that govern that region.
 */
export function ruleCitationForUsers(id: RuleId, admdvs?: string | null): string {
  const r = RULES[id];
  const parts = sourceParts(r.source).filter(
    (p) => admdvs === undefined || p.doc === null || documentGoverns(p.doc, admdvs),
  );
  return parts.length === 0 ? r.title : `${r.title}（${parts.map((p) => p.text).join('；')}）`;
}

function sourceParts(source: string): { doc: SeedDocumentId | null; text: string }[] {
  return source.split('；').map((part) => {
    const doc = part.slice(0, 3);
    return doc in SEED_DOCUMENTS
      ? {
          doc: doc as SeedDocumentId,
          text: `${SEED_DOCUMENTS[doc as SeedDocumentId]} ${part.slice(4)}`,
        }
      : { doc: null, text: part };
  });
}

/** "001 §三(四)；004 §三(二)5" with every seed number replaced by its document's title. */
export function sourceWithTitles(source: string): string {
  return sourceParts(source)
    .map((p) => p.text)
    .join('；');
}
