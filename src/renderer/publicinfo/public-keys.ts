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
];
