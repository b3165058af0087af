/** Action codes of the audit trail and their Chinese labels (screens, CLI, verdicts). */
export const AUDIT_ACTIONS = {
  'auth.login': '登录',
  'auth.logout': '退出登录',
  'shift.open': '药师上岗',
  'shift.close': '药师离岗',
  'review.pass': '审方通过',
  'review.reject': '审方驳回',
  'review.submit': '提交审方',
  'dispense.start': '开始调剂',
  'dispense.complete': '完成调剂',
  'dispense.cancel': '取消调剂',
  'dispense.cancelHeld': '撤销调剂',
  'settle.confirm': '医保结算',
  'supervision.handle': '处理医保监管提示',
  'settle.resolve': '处理结果未知的结算',
  'refund.start': '退费',
  'receipt.reprint': '补打结算凭证',
  'sale.selfPay': '自费零售',
  'stock.receive': '进货入库',
  'stock.return': '采购退货',
  'stock.adjust': '报损/报溢',
  'stock.stocktake': '盘存上传',
  'settings.region': '更改统筹地区',
  'settings.scanFolder': '更改扫描仪目录',
  'settings.backupFolder': '更改备份文件夹',
  'backup.run': '立即备份',
  'backup.restore': '恢复备份',
  'patient.lookup': '查询参保人信息',
  'rx.find': '查询患者处方',
  'dispense.startPaper': '开始纸质处方调剂',
  'paper.view': '查阅纸质处方',
  'paper.imageView': '查看纸质处方影像',
  'paper.search': '检索纸质处方',
  'paper.capture': '纸质处方归档',
  'paper.export': '纸质处方导出',
  'rx.export': '电子处方导出',
  'report.export': '报表导出',
  'recon.export': '对账明细导出',
  'outbox.requeue': '重新发送被拒上传',
  'audit.verify': '审计链校验',
  'audit.anchorMismatch': '审计锚点不符',
} as const satisfies Record<string, string>;

export type AuditAction = keyof typeof AUDIT_ACTIONS;

export function actionLabel(action: string): string {
  return (AUDIT_ACTIONS as Record<string, string>)[action] ?? action;
}
