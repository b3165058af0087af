import type { FunctionKey } from '../keyboard/function-keys';

/** Keys of the audit-log panel (administrator and licensed pharmacist only). */
export const AUDIT_KEYS: readonly FunctionKey[] = [
  {
    key: 'Alt+L',
    id: 'audit-open',
    label: '审计日志',
    help: '打开或关闭审计日志（日志 Rì Zhì）：最近的登录、审方、调剂、结算、退费、设置变更与导出记录（个人信息已脱敏）；仅管理员与执业药师。按 Enter（确认）逐条校验哈希链与链尾锚点，指出第一处被改动、删除或截断的记录；填了凭条核对码时同时与凭条核对。门店柜台可切换到“全店（各柜台）”（Tab 到切换按钮后按 ← →）：按期间、柜台、操作查询门店服务器汇总的各柜台记录，Enter 查询；收银员按此键会看到不能查看的原因',
    session: true,
  },
  {
    key: 'Alt+W',
    id: 'audit-slip-print',
    label: '打印链尾凭条',
    help: '审计日志中，校验完整后：打印链尾条号与摘要，签字后离机存放；整个数据目录被改写也能据此发现',
    session: true,
  },
  {
    key: 'Alt+Shift+V',
    id: 'rx-reverify-all',
    label: '全部处方重新验签',
    help: '审计日志中：用今天的 CA 证书与吊销列表把本机存档的全部电子处方重新验签（验 Yàn），列出不再通过的处方编号与原因；在后台线程中进行，不影响柜台',
    session: true,
  },
];
