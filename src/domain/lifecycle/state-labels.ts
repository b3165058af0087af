import type {
  ComplaintState,
  DeliveryState,
  DispensingState,
  PaperConfirmationState,
  PaperStatus,
  SettlementState,
  StayHandoverState,
  UploadState,
} from './states';

export const SETTLEMENT_STATE_LABELS: Record<SettlementState, string> = {
  settling: '结算中',
  settled: '已结算',
  refused: '医保中心拒绝结算',
  outcome_unknown: '结算结果未知（冲正中）',
  voided: '已冲正（未结算）',
  refunding: '退费中',
  refund_unknown: '退费结果未知（冲正中）',
  refunded: '已退费',
};

export const DISPENSING_STATE_LABELS: Record<DispensingState, string> = {
  open: '调剂中',
  completed: '已完成调剂',
  cancelled: '已取消',
  returned: '已退费退货',
};

export const STAY_HANDOVER_STATE_LABELS: Record<StayHandoverState, string> = {
  handed_over: '已调剂·随住院结算',
  withdrawn: '已撤销随住院结算',
};

export const DELIVERY_STATE_LABELS: Record<DeliveryState, string> = {
  ordered: '待交接',
  handed_over: '配送中',
  received: '已签收',
};

export const PAPER_CONFIRMATION_LABELS: Record<PaperConfirmationState, string> = {
  pending: '待药师确认',
  confirmed: '药师已确认',
  rejected: '药师已退回',
};

export const PAPER_STATUS_LABELS: Record<PaperStatus, string> = {
  captured: '已归档待调剂',
  dispensed: '已调剂',
};

export const UPLOAD_STATE_LABELS: Record<UploadState, string> = {
  waiting: '待上传',
  queued: '排队上传中',
  delivered: '已上传',
  parked: '被拒收，待人工处理',
};

export const COMPLAINT_STATE_LABELS: Record<ComplaintState, string> = {
  received: '已登记',
  checking: '核查中',
  corrected: '已核查纠正',
  referred: '已反馈医保经办机构',
  closed: '已办结',
};
