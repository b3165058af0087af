import type { DeliveryState } from '../domain/lifecycle/states';

/**
 * A delivery order as listed (R-DELIVERY, R-DELIVERY-REC): address, name and phone masked;
 * the full address only on the courier's hand-over slip (delivery.get with full: true).
 */
export interface DeliveryOrderView {
  orderId: number;
  settlementId: number;
  hiRxno: string;
  state: DeliveryState;
  stateLabel: string;
  recipientName: string;
  recipientPhone: string;
  address: string;
  /** Whether the three fields above are masked. */
  masked: boolean;
  courier: string;
  /** Paid by the patient, never by the fund (R-DELIVERY). */
  feeYuan: string;
  coldChain: boolean;
  coldChainRecord: string | null;
  createdAt: string;
  createdBy: string;
  handedOverAt: string | null;
  handedOverBy: string | null;
  receivedAt: string | null;
  receiverName: string | null;
  receiptRecordedBy: string | null;
}
