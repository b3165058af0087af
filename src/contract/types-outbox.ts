export interface OutboxItemView {
  id: number;
  infno: string;
  /** e.g. 审方结果上传 */
  name: string;
  msgid: string;
  status: 'pending' | 'in_flight' | 'delivered' | 'parked';
  statusLabel: string;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  ageMs: number;
}

export interface OutboxSendResult {
  delivered: number;
  retried: number;
  parked: number;
}
