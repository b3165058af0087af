import type { SettlementState } from '../../domain/lifecycle/states';

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

export const CHARGE_LEVEL_LABELS: Record<string, string> = {
  '01': '甲类',
  '02': '乙类',
  '03': '丙类/目录外',
};
