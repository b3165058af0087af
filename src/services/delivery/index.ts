import { dateTime } from '../../center/clock';
import type { DeliveryOrderView } from '../../contract/types-delivery';
import type { ReportExportResult } from '../../contract/types-reports';
import type { CatalogDrug } from '../../domain/catalog/catalog-drug';
import { assertDeliveryOrder, assertReceiptConfirmed } from '../../domain/delivery/delivery-rules';
import { AppError } from '../../domain/errors';
import { DELIVERY_STATE_LABELS } from '../../domain/lifecycle/state-labels';
import { maskAddress, maskName, maskPhone } from '../../domain/mask';
import { yuanText } from '../../domain/money';
import {
  type DeliveryOrderRecord,
  DeliveryOrderRepository,
} from '../../store/delivery-order-repository';
import { DispensingRepository } from '../../store/dispensing-repository';
import { SettlementRepository } from '../../store/settlement-repository';
import type { AreaDeps } from '../area-deps';
import type { AuthenticatedSession } from '../auth-service';
import { writeExportFile } from '../reports/export/write-export';
import { localPeriod } from '../reports/period';
import { deliveryCsv } from './delivery-csv';

export interface NewDeliveryInput {
  settlementId: number;
  recipientName: string;
  recipientPhone: string;
  address: string;
  courier: string;
  feeFen: number;
  coldChain: boolean;
  coldChainRecord?: string;
}

const time = (ms: number | null) => (ms === null ? null : dateTime(new Date(ms)));

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

/** Delivery orders of settled prescriptions, their hand-over and receipt (R-DELIVERY, R-DELIVERY-REC). */
export function createDeliveryArea(deps: AreaDeps) {
  const orders = new DeliveryOrderRepository(deps.db);
  const settlements = new SettlementRepository(deps.db);
  const dispensings = new DispensingRepository(deps.db);

  function mustGet(orderId: number): DeliveryOrderRecord {
    const o = orders.get(orderId);
    if (!o) throw new AppError('NOT_FOUND', `没有配送单 ${orderId}`);
    return o;
  }

  function drugsOf(dispensingId: number): CatalogDrug[] {
    return dispensings
      .lines(dispensingId)
      .map((l) => deps.catalog.get(l.medListCodg))
      .filter((d): d is CatalogDrug => d !== undefined);
  }

  return {
    create(session: AuthenticatedSession, i: NewDeliveryInput): DeliveryOrderView {
      const s = settlements.get(i.settlementId);
      if (s?.state !== 'settled') {
        throw new AppError('POLICY', '只有结算成功的处方才能登记配送', { ruleId: 'R-DELIVERY' });
      }
      if (orders.forSettlement(s.id)) {
        throw new AppError('CONFLICT', `结算 ${s.id} 已登记配送单`, { ruleId: 'R-DELIVERY-REC' });
      }
      const coldChainRecord = i.coldChainRecord?.trim() || null;
      assertDeliveryOrder({ ...i, coldChainRecord }, drugsOf(s.dispensingId));
      const id = orders.insert({
        ...i,
        coldChainRecord,
        createdBy: session.staff.id,
        createdAt: deps.now().getTime(),
      });
      deps.log.info('delivery.created', {
        orderId: id,
        settlementId: s.id,
        coldChain: i.coldChain,
      });
      return deliveryView(mustGet(id), false);
    },

    handOver(session: AuthenticatedSession, orderId: number): DeliveryOrderView {
      const o = mustGet(orderId);
      if (!orders.handedOver(o.id, session.staff.id, deps.now().getTime())) {
        throw new AppError(
          'CONFLICT',
          `配送单 ${orderId} 当前为“${DELIVERY_STATE_LABELS[o.state]}”，不能交接`,
        );
      }
      return deliveryView(mustGet(orderId), false);
    },

    confirmReceipt(
      session: AuthenticatedSession,
      i: { orderId: number; receiverName: string; identityChecked: boolean },
    ): DeliveryOrderView {
      const o = mustGet(i.orderId);
      assertReceiptConfirmed(i.receiverName, i.identityChecked);
      const at = deps.now().getTime();
      if (!orders.received(o.id, { receiverName: i.receiverName, by: session.staff.id, at })) {
        throw new AppError(
          'CONFLICT',
          `配送单 ${i.orderId} 当前为“${DELIVERY_STATE_LABELS[o.state]}”，须先交接配送再登记签收`,
          { ruleId: 'R-DELIVERY' },
        );
      }
      return deliveryView(mustGet(i.orderId), false);
    },

    /** Full address and phone: for the courier's hand-over slip only. */
    get(orderId: number, full: boolean): DeliveryOrderView {
      return deliveryView(mustGet(orderId), full);
    },

    list(q: { from: string; to: string }): DeliveryOrderView[] {
      const p = localPeriod(q.from, q.to);
      return orders.between(p.startMs, p.endMs).map((r) => deliveryView(r, false));
    },

    export(session: AuthenticatedSession, q: { from: string; to: string }): ReportExportResult {
      const p = localPeriod(q.from, q.to);
      const rows = orders.between(p.startMs, p.endMs).map((r) => deliveryView(r, false));
      const file = {
        stem: `配送记录_${q.from}_${q.to}`,
        ext: 'csv',
        mime: 'text/csv; charset=utf-8',
      };
      const result = writeExportFile(deps.config.dataDir, file, deliveryCsv(rows), deps.now());
      deps.log.info('delivery.exported', {
        rows: rows.length,
        sm3: result.sm3,
        staffId: session.staff.id,
      });
      return result;
    },
  };
}

export type DeliveryArea = ReturnType<typeof createDeliveryArea>;
