import { dateTime } from '../../center/clock';
import type { DeliveryOrderView } from '../../contract/types-delivery';
import { DELIVERY_STATE_LABELS } from '../../domain/lifecycle/state-labels';
import { maskAddress, maskName, maskPhone } from '../../domain/mask';
import { yuanText } from '../../domain/money';
import type { DeliveryOrderRecord } from '../../store/delivery-order-repository';

const time = (ms: number | null) => (ms === null ? null : dateTime(new Date(ms)));

/** A delivery order as the screens and the export show it; `full`: address and phone unmasked. */
export function deliveryView(r: DeliveryOrderRecord, full: boolean): DeliveryOrderView {
  return {
    orderId: r.id,
    settlementId: r.settlementId,
    hiRxno: r.hiRxno,
    state: r.state,
    stateLabel: DELIVERY_STATE_LABELS[r.state],
    recipientName: full ? r.recipientName : maskName(r.recipientName),
    recipientPhone: full ? r.recipientPhone : maskPhone(r.recipientPhone),
    address: full ? r.address : maskAddress(r.address),
    masked: !full,
    courier: r.courier,
    feeYuan: yuanText(r.feeFen),
    coldChain: r.coldChain,
    coldChainRecord: r.coldChainRecord,
    createdAt: dateTime(new Date(r.createdAt)),
    createdBy: r.createdByName,
    handedOverAt: time(r.handedOverAt),
    handedOverBy: r.handedOverByName,
    receivedAt: time(r.receivedAt),
    receiverName: r.receiverName === null ? null : full ? r.receiverName : maskName(r.receiverName),
    receiptRecordedBy: r.receiptRecordedByName,
  };
}
