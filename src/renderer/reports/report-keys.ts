import type { FunctionKey } from '../keyboard/function-keys';

/** Keys of the reports screen (Alt, as every F-key is taken); all but Alt+B only while it is open. */
export const REPORT_KEYS: readonly FunctionKey[] = [
  {
    key: 'Alt+B',
    label: '报表',
    help: '打开或关闭报表页（报表 Bào Biǎo）：每日结算、药品调剂、目录占比、上传队列健康、外流药品价格，可导出 CSV / XLSX / PDF',
    session: true,
  },
  {
    key: 'Alt+1…6',
    label: '切换报表',
    help: '报表页：1 每日结算 · 2 药品调剂 · 3 目录占比 · 4 上传队列健康 · 5 外流药品价格 · 6 全店（门店柜台：各柜台当日结算与在岗药师）（光标不在输入框时也可直接按数字键）',
    session: true,
  },
  {
    key: 'Alt+Q',
    label: '快捷期间',
    help: '报表页：依次切换统计期间 今天 → 近7天 → 近30天 → 本月 → 今年 并刷新；也可填写起止日期后按 Enter 刷新',
    session: true,
  },
  {
    key: 'Alt+X',
    label: '导出 CSV',
    help: '报表页：按当前报表与期间导出 CSV 文件（下载并保存到数据目录 exports 文件夹）',
    session: true,
  },
  {
    key: 'Alt+E',
    label: '导出 Excel',
    help: '报表页：按当前报表与期间导出 XLSX（Excel）文件',
    session: true,
  },
  {
    key: 'Alt+N',
    label: '导出 PDF',
    help: '报表页：按当前报表与期间导出 PDF 文件，便于打印或交检查人员',
    session: true,
  },
];
