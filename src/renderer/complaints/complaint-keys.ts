import type { FunctionKey } from '../keyboard/function-keys';

/** Keys of the complaint register (Alt, as every F-key is taken); all but Alt+V only while it is open. */
export const COMPLAINT_KEYS: readonly FunctionKey[] = [
  {
    key: 'Alt+V',
    label: '投诉举报',
    help: '打开或关闭投诉举报登记：登记来访、来电、来信、网络或医保部门转办的投诉举报，核查纠正；不属于本店业务范围的反馈当地医保经办机构，办结后留存记录',
    session: true,
  },
  {
    key: 'N',
    label: '新登记',
    help: '投诉举报页（光标不在输入框时）：N 新登记（光标到事由）；↑↓ 选择一条，Enter 到跟进表单。输入框内 Enter 提交，Esc 离开输入框，再按 Esc 关闭本页',
    session: true,
  },
];
