import type { FunctionKey } from '../keyboard/function-keys';

/** Keys of the paper-prescription screen; every F-key is taken, so these use Alt. */
export const PAPER_KEYS: readonly FunctionKey[] = [
  {
    key: 'Alt+P',
    label: '纸质处方',
    help: '打开或关闭纸质处方页：上传处方影像、录入处方信息、核验、归档（保存2年）、查询与导出',
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
    key: 'Alt+O',
    label: '选择影像文件',
    help: '纸质处方页：从文件选择处方影像（JPEG、PNG 或 PDF，不超过10 MB）',
    session: true,
  },
  {
    key: 'Alt+G',
    label: '扫描仪文件夹',
    help: '纸质处方页：列出（或刷新）扫描仪文件夹中最新的影像，Tab 选中后按 Enter 采用；文件夹由管理员在此设置，默认为数据目录下的 scans',
    session: true,
  },
  {
    key: 'Alt+M',
    label: '摄像头拍照',
    help: '纸质处方页：打开摄像头拍摄处方，Enter 拍照；Esc 关闭摄像头（或扫描仪列表）而不关闭本页',
    session: true,
  },
  {
    key: 'Alt+D',
    label: '调剂纸质处方',
    help: '纸质处方页：对查询结果中选中的“已归档待调剂”处方开始（或继续）调剂，进入调剂发药页逐盒扫追溯码；也可在结果列表中用上下键选择后按 Enter（须在岗执业药师）',
    session: true,
  },
  {
    key: 'Alt+Shift+F',
    label: '全店索引',
    help: '纸质处方页（门店模式）：切换到全店纸质处方索引，按“机构编码-处方编号”、归档日期、柜台查找各柜台的归档位置；本柜台归档的处方按门店索引中的 SM3 摘要核验影像与记录；再按一次回到本柜台归档',
    session: true,
  },
  {
    key: 'Alt+F',
    label: '查询归档',
    help: '纸质处方页：光标移到查询框，按患者姓名/身份证号、机构、编号、药品、日期查询',
    session: true,
  },
];
