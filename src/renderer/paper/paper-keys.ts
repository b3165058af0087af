import type { FunctionKey } from '../keyboard/function-keys';

/** Keys of the paper-prescription screen; every F-key is taken, so these use Alt. */
export const PAPER_KEYS: readonly FunctionKey[] = [
  {
    key: 'Alt+P',
    label: '纸质处方',
    help: '打开或关闭纸质处方页：上传处方影像、录入处方信息、核验（R-PAPER-VALID、R-PAPER-NO、R-PAPER-DUAL 等）、归档（保存2年，R-PAPER-KEEP）、查询与导出',
    session: true,
  },
  {
    key: 'Alt+K',
    label: '核验纸质处方',
    help: '纸质处方页：按地区政策核验已录入的处方，显示每条结果的规则编号与依据',
    session: true,
  },
  {
    key: 'Alt+S',
    label: '保存归档',
    help: '纸质处方页：核验通过后保存处方信息与影像（记录SM3摘要），状态为“已归档待调剂”',
    session: true,
  },
  {
    key: 'Alt+F',
    label: '查询归档',
    help: '纸质处方页：光标移到查询框，按患者姓名/身份证号、机构、编号、药品、日期查询',
    session: true,
  },
];
