/** Every function key of the counter, in one list: the help overlay and the hint bar render it. */
export interface FunctionKey {
  /** KeyboardEvent.code, or a display name for keys handled by a field. */
  key: string;
  label: string;
  help: string;
  /** Only while signed in. */
  session: boolean;
}

export const FUNCTION_KEYS: readonly FunctionKey[] = [
  { key: 'F1', label: '帮助', help: '显示或关闭本帮助（列出全部功能键）', session: false },
  {
    key: 'F2',
    label: '医保电子凭证',
    help: '识别方式切换为医保电子凭证（扫码枪扫码无需切换，随时可扫）',
    session: true,
  },
  { key: 'F3', label: '身份证', help: '识别方式切换为居民身份证，输入18位身份证号', session: true },
  {
    key: 'F4',
    label: '社保卡',
    help: '识别方式切换为社会保障卡，须同时读取卡识别码（card_sn）',
    session: true,
  },
  { key: 'Enter', label: '查询', help: '查询参保人信息', session: true },
  { key: 'Esc', label: '清除', help: '清除输入、查询结果与提示，光标回到输入框', session: true },
  { key: 'F9', label: '退出登录', help: '退出当前工作人员的登录', session: true },
];

export const SCANNER_HELP =
  '扫码枪：无论光标在哪里，扫描患者的医保电子凭证二维码即自动识别参保人；扫到的内容不会写入任何输入框。';
