/** Chinese names of the center's transactions, for queues, logs and messages staff read. */
export const TRANSACTION_NAMES: Readonly<Record<string, string>> = {
  '1101': '人员信息获取',
  '2101': '药店预结算',
  '2102': '药店结算',
  '2103': '药店结算撤销',
  '2601': '冲正交易',
  '3501': '商品盘存上传',
  '3502': '商品库存变更',
  '3503': '商品采购',
  '3504': '商品采购退货',
  '3505': '商品销售',
  '3506': '商品销售退货',
  '3507': '商品信息删除',
  '5205': '人员慢特病用药记录查询',
  '7201': '电子处方二维码解码',
  '7202': '电子处方查询',
  '7203': '电子处方下载',
  '7204': '电子处方下载（含版式文件）',
  '7205': '电子处方签名核验',
  '7206': '审方结果上传',
  '7207': '药品销售出库明细上传',
  '7208': '药品销售出库明细撤销',
  '9001': '签到',
  '9002': '签退',
};

export function transactionName(infno: string): string {
  return TRANSACTION_NAMES[infno] ?? `交易 ${infno}`;
}
