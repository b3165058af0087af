export interface OutboxItemView {
  id: number;
  infno: string;
  /** e.g. 审方结果上传 */
  name: string;
  msgid: string;
  status: 'pending' | 'in_flight' | 'delivered' | 'parked';
  statusLabel: string;
  attempts: number;
  /** In plain Chinese (no HTTP status or JSON). */
  lastError: string | null;
  /** The stored technical text behind it, for a details line. */
  lastErrorDetail: string | null;
  createdAt: string;
  ageMs: number;
}

export interface OutboxSendResult {
  delivered: number;
  retried: number;
  parked: number;
}
