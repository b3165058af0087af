import type { FunctionKey } from '../keyboard/function-keys';

/** Key of the publication and delivery page. */
export const PUBLIC_KEYS: readonly FunctionKey[] = [
  {
    key: 'Shift+F4',
    label: '公示与配送',
    help: '打开或关闭公示与配送页：处方流转药品价格公示（A4 打印、CSV 导出）、药品在售信息导出（供医保公共服务渠道）、今日电子票据与配送记录；Esc 关闭',
    session: true,
    screens: [],
  },
  {
    key: 'Alt+Shift+J',
    label: '交付配送',
    help: '公示与配送页的配送记录中（↑↓ 选择一单）：将选中的待配送订单交付配送方，记录交接人与时间',
    session: true,
    screens: [],
  },
  {
    key: 'Alt+Shift+Q',
    label: '确认签收',
    help: '公示与配送页的配送记录中：为选中的配送中订单登记签收人并确认已核验其身份，Enter 确认、Esc 取消',
    session: true,
    screens: [],
  },
];
