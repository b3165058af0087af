import type { RuleId } from '../rules';

/** 004 附件5: the pharmacy's status per item; 暂不验收 only where the form allows a remark. */
export type SelfCheckStatus = '具备' | '暂不验收';

export interface SelfCheckItem {
  /** 接入验收编号 */
  id: string;
  /** 接入验收项, as the form names it. */
  item: string;
  status: SelfCheckStatus;
  /** What this counter software provides for the requirement. */
  provides: string;
  /** Where the pharmacist or administrator finds it (menu, screen, key). */
  where: string;
  /** 情况反馈说明; null when there is nothing to remark. */
  remark: string | null;
  /** The rules the feature enforces (src/domain/rules.ts). */
  rules: readonly RuleId[];
}

/** The pharmacy has not applied for nor built an internet channel application (ST-EPC-02-013). */
export const NO_INTERNET_CHANNEL_REMARK = '未申请和建设渠道应用';

/**
 * 定点零售药店接入验收自查表 (seed 004 附件5, ST-EPC-02-001…013): one row per item, with what the
 * app provides and where. The export and its tests read this table; the screens print no prose
 * of their own about it.
 */
export const SELF_CHECK_ITEMS: readonly SelfCheckItem[] = [
  {
    id: 'ST-EPC-02-001',
    item: '处方流转电子凭证应用',
    status: '具备',
    provides:
      '医保电子凭证未激活或被锁定、密码错误时，柜台显示激活与设置/重置密码的步骤，药师按步骤引导患者',
    where: '柜台：F2 医保电子凭证识别（扫码）',
    remark: null,
    rules: ['R-AUTH'],
  },
  {
    id: 'ST-EPC-02-002',
    item: '医保信息业务编码标准',
    status: '具备',
    provides:
      '定点机构代码在导入中心配置时校验，医保药品代码来自药品目录，医保审方药师代码在员工档案登记并校验后随审方上传',
    where: '首次设置 → 导入中心配置；员工管理（Ctrl+Shift+Y）；审方（F6）',
    remark: null,
    rules: ['R-PHARMACIST'],
  },
  {
    id: 'ST-EPC-02-003',
    item: '处方接入规范标准',
    status: '具备',
    provides:
      '本机直接连接医保信息平台与电子处方中心（国密签名与加密），不经第三方中转；接入密钥仅保存在本机数据目录（仅本用户可读），不显示、不导出',
    where: '首次设置 → 导入中心配置、连接测试',
    remark: null,
    rules: ['R-CENTER'],
  },
  {
    id: 'ST-EPC-02-004',
    item: '处方流转药品信息服务',
    status: '具备',
    provides: '流转药品的价格公示与在售（库存）信息，可导出供医保公共服务渠道查询',
    where: '公示与配送（Shift+F4）',
    remark: null,
    rules: ['R-PRICE-PUB'],
  },
  {
    id: 'ST-EPC-02-005',
    item: '处方授权身份安全验证',
    status: '具备',
    provides:
      '医保电子凭证、身份证、社保卡均可查询与下载经授权的处方；身份证、社保卡须由患者输入医保电子凭证密码确认',
    where: '柜台：F2 医保电子凭证、F3 身份证、F4 社保卡',
    remark: null,
    rules: ['R-AUTH'],
  },
  {
    id: 'ST-EPC-02-006',
    item: '医保药师在岗审方服务',
    status: '具备',
    provides: '执业药师上岗后才能审方，提交审方时扫描药师本人的医保电子凭证验证身份',
    where: '上岗/下岗（F12）；审方（F6）',
    remark: null,
    rules: ['R-PHARMACIST'],
  },
  {
    id: 'ST-EPC-02-007',
    item: '处方审核规范性',
    status: '具备',
    provides:
      '审方时电子处方版式文件与结构化信息并排逐项比对，不一致即阻止；审核意见必填并上传电子处方中心（7206）',
    where: '处方页：审方（F6）',
    remark: null,
    rules: ['R-OPINION', 'R-LAYOUT'],
  },
  {
    id: 'ST-EPC-02-008',
    item: '处方电子签名验真',
    status: '具备',
    provides:
      '下载即本地验签（证书链、吊销列表、签名与摘要）并经中心核验（7205），显示签名证书与开方机构；签名无效或证书吊销时警示并阻止审方',
    where: '处方页：签名核验结果；重新核验（Shift+F6）',
    remark: null,
    rules: ['R-SIGN'],
  },
  {
    id: 'ST-EPC-02-009',
    item: '处方药品销售管理',
    status: '具备',
    provides:
      '结算后自动上传药品销售出库明细（7207，含每盒追溯码）与商品销售（3505），经上传队列保证送达',
    where: '顶栏“待上传”（打开上传队列）',
    remark: null,
    rules: ['R-SALES-UP', 'R-TRACE'],
  },
  {
    id: 'ST-EPC-02-010',
    item: '处方结算和冲销业务',
    status: '具备',
    provides:
      '按处方逐盒扫码调剂、不得替换或超量；医保预结算与结算；退费时冲销医保结算（2103）并撤回出库明细；打印结算凭证、开具电子票据并解读报销政策',
    where: '调剂页：结算收款（F5）、打印凭证（Shift+F5）；结算查询（Alt+H）、退费（Alt+Y）',
    remark: null,
    rules: ['R-NOSWAP', 'R-SETTLE', 'R-REVERSE', 'R-EINVOICE'],
  },
  {
    id: 'ST-EPC-02-011',
    item: '处方药品配送安全',
    status: '具备',
    provides:
      '配送单交付与签收确认，签收时核验签收人身份；特殊配送（冷链等）资质由药店按主管部门要求另行管理',
    where: '公示与配送（Shift+F4）：交付配送（Alt+Shift+J）、确认签收（Alt+Shift+Q）',
    remark: null,
    rules: ['R-DELIVERY'],
  },
  {
    id: 'ST-EPC-02-012',
    item: '处方流转用药服务',
    status: '具备',
    provides: '按处方用法用量、药品注意事项与医嘱特殊说明生成用药指导并打印交患者',
    where: '调剂页：打印用药指导（Shift+F7）',
    remark: null,
    rules: ['R-GUIDE'],
  },
  {
    id: 'ST-EPC-02-013',
    item: '处方流转互联网渠道应用',
    status: '暂不验收',
    provides:
      '不提供：柜台程序只在本机（127.0.0.1）提供界面与接口，没有面向互联网或第三方渠道的处方流转接口',
    where: '—',
    remark: NO_INTERNET_CHANNEL_REMARK,
    rules: [],
  },
];
