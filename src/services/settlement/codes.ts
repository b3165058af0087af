import type { SettlementState, UploadState } from '../../contract/types-settlement';

/**
 * Code values of the settlement area, one table (center-protocol §4: unknown code values are
 * ours to choose; the center's are in docs/sandbox.md「结算与上传：代码表」).
 */
export const SETTLE_CODES = {
  /** med_type 41 定点药店购药 */
  medType: '41',
  /** Our code for a delivery fee line: outside the catalog, so never paid by the fund (R-NONCOVERED). */
  deliveryFeeCode: 'X-DELIVERY-FEE',
  deliveryFeeName: '配送费',
  /** 7207 payMode: 2 医保, 3 混合 (fund plus cash) */
  payMode: { insured: '2', mixed: '3' },
  /** 3505 mdtrt_setl_type: 1 医保结算, 2 自费 */
  mdtrtSetlType: { insured: '1', selfPay: '2' },
  /** rx_flag: 1 处方药, 0 非处方药 or non-drug goods; per drug from the catalog (R-GSP-RX) */
  rxFlag: { rx: '1', otc: '0' },
  trdnFlag: { whole: '0', split: '1' },
  /** Pooling-fund insutypes a pharmacy settles, preferred in this order. */
  insutypes: ['310', '390'],
} as const;

export const STATE_LABELS: Record<SettlementState, string> = {
  settling: '结算中',
  settled: '已结算',
  refused: '医保中心拒绝结算',
  outcome_unknown: '结算结果未知（冲正中）',
  voided: '已冲正（未结算）',
  refunding: '退费中',
  refund_unknown: '退费结果未知（冲正中）',
  refunded: '已退费',
};

export const NEXT_STEPS: Record<SettlementState, string> = {
  settling: '正在等待医保中心应答，请勿重复操作',
  settled: '请打印结算单交患者；如需退费请使用“退费”',
  refused: '请按医保中心的拒绝原因处理后重新预结算',
  outcome_unknown:
    '结算应答丢失：已自动向医保中心发起冲正（2601），冲正确认前不能再次结算，以免重复扣费',
  voided: '冲正已确认，患者未被扣费；可重新预结算并结算',
  refunding: '正在等待医保中心退费应答',
  refund_unknown: '退费应答丢失：已自动发起冲正（2601），确认后可重新退费',
  refunded: '已退费，药品与追溯码已退回库存，可再次销售',
};

/** x_rvs_rslt of 2601 (docs/sandbox.md). */
export const REVERSAL_RESULTS: Record<string, string> = {
  '1': '已冲正：原交易的效果已撤销',
  '2': '原交易未到达中心（已登记）',
  '3': '原交易已被中心拒绝，无需冲正',
  '4': '原交易效果此前已撤销',
};

export const UPLOAD_STATE_LABELS: Record<UploadState, string> = {
  waiting: '待上传',
  queued: '排队上传中',
  delivered: '已上传',
  parked: '被拒收，待人工处理',
};

export const CHARGE_LEVEL_LABELS: Record<string, string> = {
  '01': '甲类',
  '02': '乙类',
  '03': '丙类/目录外',
};
