import type { Screen } from '../stores/ui-store';

/** Every function key of the counter, in one list: the help overlay and the hint bar render it. */
export interface FunctionKey {
  /** KeyboardEvent.code, or a display name for keys handled by a field or list. */
  key: string;
  label: string;
  help: string;
  /** Only while signed in. */
  session: boolean;
  /** The screens whose hint bar shows it; absent: every screen. */
  screens?: readonly Screen[];
}

const COUNTER: readonly Screen[] = ['counter'];
const PRESCRIPTION: readonly Screen[] = ['prescription'];

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
    label: '查询 / 下载',
    help: '在输入框中：查询参保人及其电子处方；在处方列表中：下载选中的处方并打开',
    session: true,
    screens: COUNTER,
  },
  {
    key: '↑ ↓',
    label: '选择处方',
    help: '在待下载处方列表或最近处方列表中上下选择',
    session: true,
    screens: COUNTER,
  },
  {
    key: 'F5',
    label: '重新核验',
    help: '重新读取当前处方：再次验签、中心核验（7205）、地区政策与版式核对',
    session: true,
    screens: PRESCRIPTION,
  },
  {
    key: 'F8',
    label: '最近处方',
    help: '列出本柜台最近下载的电子处方，↑↓ 选择，Enter 打开',
    session: true,
  },
  {
    key: 'F10',
    label: '地区设置',
    help: '查看本店所在统筹地区的政策包；管理员可切换地区（切换后已打开的处方重新评估）',
    session: true,
  },
  {
    key: 'Esc',
    label: '清除 / 返回',
    help: '关闭弹窗；在处方页面返回柜台；在柜台清除输入、查询结果与提示，光标回到输入框',
    session: true,
  },
  { key: 'F9', label: '退出登录', help: '退出当前工作人员的登录', session: true },
];

export const SCANNER_HELP =
  '扫码枪：无论光标在哪里，扫描患者的医保电子凭证二维码即识别参保人并列出其电子处方；扫描电子处方二维码（EPCQR01 开头）即直接下载该处方。扫到的内容不会写入任何输入框。';
