import type { FunctionKey } from '../keyboard/function-keys';

/** Keys of the risk-signal screen (Alt, as every F-key is taken); all but Alt+I only while it is open. */
export const RISK_KEYS: readonly FunctionKey[] = [
  {
    key: 'Alt+I',
    label: '风险信号',
    help: '打开或关闭风险信号页：纸质处方量、单张处方量大、同一参保人重复超量、单一机构纸质处方多、追溯码反复被拒、存疑处方线索，按严重程度排列',
    session: true,
  },
  {
    key: 'Alt+7 / Alt+8 / Alt+9',
    label: '统计期间',
    help: '风险信号页：近7天 / 近30天 / 近90天（光标不在日期框时也可直接按 7、8、9；报表页的 1…5 为切换报表）；也可填写起止日期后按 Enter 重新计算',
    session: true,
  },
];
