import type { Screen } from '../navigation/navigation-store';

/**
 * Every key of the counter, in one list: the help overlay and the hint bar render it. A key
 * (or chord) has one meaning everywhere; `help` says where it applies. Screen tables (paper,
 * stock, risk, reports, audit) follow the same rule: tests/unit/keyboard checks them together.
 */
export interface FunctionKey {
  /** The key or chord as shown, e.g. 'F5', 'Shift+F7', 'Ctrl+Shift+L', 'Alt+C'. */
  key: string;
  /** A stable row name, where the key text is not one. */
  id?: string;
  /** Its one meaning. */
  label: string;
  help: string;
  /** Only while signed in. */
  session: boolean;
  /** The screens whose hint bar shows it; absent: every screen. */
  screens?: readonly Screen[];
}

const COUNTER: readonly Screen[] = ['counter'];
const PRESCRIPTION: readonly Screen[] = ['prescription'];
const DISPENSE: readonly Screen[] = ['dispense'];
const PAYING: readonly Screen[] = ['dispense', 'sale'];

/** The key as the table names it: modifiers, then F-key / letter, e.g. 'Shift+F5', 'Alt+Z'. */
export function chordOf(
  ev: Pick<KeyboardEvent, 'code' | 'ctrlKey' | 'altKey' | 'shiftKey' | 'metaKey'>,
): string {
  const base = /^Key[A-Z]$/.test(ev.code) ? ev.code.slice(3) : ev.code;
  return `${ev.ctrlKey ? 'Ctrl+' : ''}${ev.altKey ? 'Alt+' : ''}${ev.shiftKey ? 'Shift+' : ''}${base}`;
}

export const LOGOUT_KEY = 'Ctrl+Shift+L';
/** 员工 (yuangong): the administrator's staff screen. */
export const STAFF_KEY = 'Ctrl+Shift+Y';
/** 口令 (kouling): one's own password, for everyone. */
export const PASSWORD_KEY = 'Ctrl+Shift+K';

/** 文件 (wenjian): fold or unfold the prescription's layout file. */
export const LAYOUT_FOLD_KEY = 'Ctrl+Shift+F';
/** 核验 (heyan): fold or unfold the layout comparison and signature checks. */
export const CHECKS_FOLD_KEY = 'Ctrl+Shift+H';

/** 自费 (zifei): 自费结算 of an e-prescription whose patient's insurance is not in force (D45). */
export const RX_SELF_PAY_KEY = 'Alt+Shift+Z';

/** 院 (yuan): hand a completed inpatient dual-channel dispensing to the hospital's settlement. */
export const STAY_KEY = 'Alt+Shift+Y';

/** 日结汇总 (E: end of day): the day's summary of this counter, on demand; F12 shows it at 下岗. */
export const DAY_SUMMARY_KEY = 'Ctrl+Shift+E';

/** The standard review opinions, inserted into the opinion field. */
export const OPINION_PHRASE_KEYS = 'Ctrl+Shift+1…4';

export const FUNCTION_KEYS: readonly FunctionKey[] = [
  { key: 'F1', label: '帮助', help: '显示或关闭本帮助（列出全部功能键）', session: false },
  {
    key: 'F2',
    label: '医保电子凭证',
    help: '识别方式切换为医保电子凭证（扫码枪扫码无需切换，随时可扫）',
    session: true,
    screens: COUNTER,
  },
  {
    key: 'F3',
    label: '身份证',
    help: '识别方式切换为居民身份证，输入18位身份证号',
    session: true,
    screens: COUNTER,
  },
  {
    key: 'F4',
    label: '社保卡',
    help: '识别方式切换为社会保障卡，须同时读取卡识别码（card_sn）',
    session: true,
    screens: COUNTER,
  },
  {
    key: 'Enter',
    label: '确认',
    help: '确认当前输入或选择：柜台输入框中查询参保人及其电子处方，处方列表中下载并打开；调剂页全部扫完时完成调剂、显示预结算时确认结算（2102）；风险信号页展开明细；审计页校验审计链；投诉举报页打开所选一条的跟进表单',
    session: true,
  },
  {
    key: '↑ ↓',
    label: '上下选择',
    help: '在列表中上下选择：待下载处方、最近处方、风险信号等',
    session: true,
  },
  {
    key: 'F5',
    label: '结算收款',
    help: '调剂页：调剂完成前按处方数量估算费用（2101，不扣费，患者可先知道要付多少）；调剂完成后医保预结算（2101），显示费用总额、统筹基金、个人账户、个人现金及每项自费原因（琥珀色），患者同意后按 Enter 结算（2102），Esc 取消；结果未知时自动冲正核实（2601），核实完毕前不能再次结算，请勿重复收费。自费零售页：按购物清单收款，出库并排队上传 3505',
    session: true,
    screens: PAYING,
  },
  {
    key: 'Shift+F5',
    label: '打印凭证',
    help: '调剂页（结算成功后）或自费零售页（收款后）：打印结算凭证：58mm/80mm 热敏小票或 A4（PDF），含分摊、处方号与每盒追溯码。结算查询页：补打所选结算的凭证（标明“补打”与补打时间，记入审计日志），退费后打印退费凭证',
    session: true,
    screens: PAYING,
  },
  {
    key: 'F6',
    label: '审方',
    help: '处方页：打开或关闭审方面板：选择审核通过/驳回、填写审核意见、双通道核验，旁边显示用药历史与风险；最后扫描药师本人的医保电子凭证提交。已填写的审核意见在本次登录内保留，离开处方再回来仍在',
    session: true,
    screens: PRESCRIPTION,
  },
  {
    key: 'Shift+F6',
    label: '重新核验',
    help: '处方页：重新读取当前处方：再次验签、中心核验（7205）、地区政策与版式核对',
    session: true,
    screens: PRESCRIPTION,
  },
  {
    key: RX_SELF_PAY_KEY,
    label: '自费结算',
    help: '处方页中，参保人基本医疗保险不是正常参保（红色提示）、不能按医保调剂时：向患者告知并登记其同意后，逐盒扫码按自费结算（医保基金支付 0.00 元，不发送 2101/2102）；Enter 确认，Esc 取消',
    session: true,
    screens: PRESCRIPTION,
  },
  {
    key: 'F7',
    label: '调剂发药',
    help: '处方页：审方通过后开始调剂发药',
    session: true,
    screens: PRESCRIPTION,
  },
  {
    key: 'Shift+F7',
    label: '打印用药指导',
    help: '调剂页：调剂完成后打印用药指导',
    session: true,
    screens: DISPENSE,
  },
  {
    key: 'F8',
    label: '最近处方',
    help: '列出本柜台最近下载的电子处方，↑↓ 选择，Enter 打开',
    session: true,
  },
  {
    key: 'Shift+F8',
    label: '待结算',
    help: '回到柜台并选中“待结算”列表：已调剂完成但未结算（中心故障、医保暂停、患者不接受价格等）的处方；↑↓ 选择，Enter 打开，接着结算（F5）或撤销调剂（Shift+F9）',
    session: true,
  },
  {
    key: 'F9',
    label: '完成调剂',
    help: '调剂页：每盒药品都已扫追溯码后完成调剂（全部扫完时也可按 Enter）',
    session: true,
    screens: DISPENSE,
  },
  {
    key: 'Delete',
    label: '移除追溯码',
    help: '调剂页：Tab 选中已扫的一盒（支、瓶…）后按 Delete，移除该追溯码（调剂完成前）',
    session: true,
    screens: DISPENSE,
  },
  {
    key: 'Shift+F9',
    label: '撤销调剂',
    help: '调剂页：已调剂完成但未结算的处方，由执业药师填写原因并确认后撤销：药品退回库存、追溯码可再次销售，记录与原因保留；已结算的须退费；已登记随住院结算的，在医院结算前撤销随住院结算（同样退回药品与追溯码，已上传的 3505 以 3506 冲回）',
    session: true,
    screens: DISPENSE,
  },
  {
    key: STAY_KEY,
    label: '随住院结算',
    help: '调剂页：住院期间开具的“双通道”外配处方调剂完成后，登记随住院结算：填写住院医疗机构与住院号、确认已查验“双通道”药品使用申请备案表；费用由医院与住院费用合并结算，本店不结算，出库（3505）照常上传；登记后打印材料交患者带回医院，医院结算前可按 Shift+F9 撤销',
    session: true,
    screens: DISPENSE,
  },
  {
    key: 'F10',
    label: '地区设置',
    help: '查看本店所在统筹地区的政策包；管理员可切换地区（切换后已打开的处方重新评估）',
    session: true,
  },
  {
    key: 'F11',
    label: '扫描枪测试',
    help: '扫描枪测试与设置：显示收到的字符（含控制字符）、按键间隔、后缀与识别结果；调整识别参数；连接串口（COM）扫描枪',
    session: false,
  },
  {
    key: 'F12',
    label: '上岗 / 下岗',
    help: '执业药师本人上岗或下岗；至少一名执业药师在岗时药店才能审方。下岗时先显示日结汇总：最后一位在岗药师下岗前，待结算调剂须结算、撤销调剂或填写原因结转（其他药师仍在岗时由其继续处理）；Enter 确认下岗',
    session: true,
  },
  {
    key: DAY_SUMMARY_KEY,
    label: '日结汇总',
    help: '本柜台当日汇总：医保结算与自费零售笔数和金额（统筹基金、个人账户、现金）、退费、净额（与每日结算报表一致），待结算调剂逐笔列出（须结算、撤销调剂或填写原因结转），上传队列、扫码拒收、待药师确认的纸质处方；可打印 A4 PDF。药师下岗（F12）时自动显示',
    session: true,
    // works on every screen; the hint bar shows it on the counter only, the F1 help everywhere
    screens: COUNTER,
  },
  {
    key: 'Alt+Z',
    label: '自费零售',
    help: '开始一笔自费零售（非处方商品现金销售）：选择商品、逐盒扫追溯码、F5 收款；不经医保中心，断网也可收款，出库（3505）联网后上传。收款后再按即接待下一位顾客',
    session: true,
    screens: ['counter', 'sale'],
  },
  {
    key: 'Alt+H',
    label: '结算查询',
    help: '打开或关闭结算查询页：扫描或输入结算单上的结算ID，或输入参保人姓名（可含 * 号）/身份证号后4位并选择日期，按 Enter 查找；↑↓ 选择一笔，Alt+Y 退费，Shift+F5 补打凭证',
    session: true,
    screens: COUNTER,
  },
  {
    key: 'Alt+Y',
    label: '退费',
    help: '结算查询页：为所选的已结算记录办理退费（撤销医保结算 2103，上传 7208、3506，恢复库存与追溯码），须填写原因，仅药师或管理员；退费后显示退费凭证',
    session: true,
    // Only on the lookup page, whose header shows it: no counter screen's hint bar.
    screens: [],
  },
  {
    key: 'Esc',
    label: '清除 / 返回',
    help: '关闭弹窗或审方面板；取消预结算；在调剂页返回处方；在处方页面或自费零售页返回柜台；在柜台清除输入、查询结果与提示',
    session: true,
  },
  {
    key: LAYOUT_FOLD_KEY,
    label: '收起/展开版式文件',
    help: '处方页面：收起或展开处方版式文件（PDF），让药品与审方表单留在屏幕内；本次登录期间记住',
    session: true,
    screens: PRESCRIPTION,
  },
  {
    key: CHECKS_FOLD_KEY,
    label: '收起/展开核验',
    help: '处方页面：收起或展开版式比对与电子签名核验详情；本次登录期间记住',
    session: true,
    screens: PRESCRIPTION,
  },
  {
    key: OPINION_PHRASE_KEYS,
    id: 'opinion-phrases',
    label: '常用审核意见',
    help: '审方表单：插入第 1–4 条常用审核意见到“审核意见”（已有文字时接在其后），也可点击选择',
    session: true,
    screens: PRESCRIPTION,
  },
  {
    key: LOGOUT_KEY,
    label: '退出登录',
    help: '退出当前工作人员的登录，须再确认一次（Enter 退出，Esc 取消）；任何页面都可用，不与其他功能键共用',
    session: true,
  },
  {
    key: STAFF_KEY,
    label: '员工管理',
    help: '管理员：打开或关闭员工管理：新建账号（执业药师须登记医保药师代码和居民身份证号）、修改姓名与岗位、重置为临时密码（下次登录须修改）、停用或重新启用；账号只停用、不删除，其经手的记录保留经办人。Enter 保存或确认，Esc 取消或关闭',
    session: true,
    // works on every screen; the hint bar shows it on the counter only, the F1 help everywhere
    screens: COUNTER,
  },
  {
    key: PASSWORD_KEY,
    label: '修改密码',
    help: '修改本人登录密码：输入原密码和两次新密码（至少 8 位，同时包含字母和数字，不能包含用户名或使用演示密码），Enter 确认，Esc 关闭；任何工作人员都可用',
    session: true,
    // works on every screen; the hint bar shows it on the counter only, the F1 help everywhere
    screens: COUNTER,
  },
];

export const SCANNER_HELP =
  '扫码枪：无论光标在哪里，扫描患者的医保电子凭证二维码即识别参保人并列出其电子处方；扫描电子处方二维码（EPCQR01 开头）即直接下载该处方；审方面板打开时扫描的医保电子凭证视为药师本人确认身份；调剂页上扫描药品追溯码（20位）、GS1码、MA码逐盒登记。扫到的内容不会写入任何输入框。GS1 分隔符 GS 可由扫码枪以 Ctrl+]、Alt+029 或文字 <GS> 发送。';
