import type { DeliveryOrderView } from '../../contract/types-delivery';
import type { ReportExportResult } from '../../contract/types-reports';
import type { CatalogDrug } from '../../domain/catalog/catalog-drug';
import { assertDeliveryOrder, assertReceiptConfirmed } from '../../domain/delivery/delivery-rules';
import { AppError } from '../../domain/errors';
import { DELIVERY_STATE_LABELS } from '../../domain/lifecycle/state-labels';
import {
  type DeliveryOrderRecord,
  DeliveryOrderRepository,
} from '../../store/delivery-order-repository';
import { DispensingRepository } from '../../store/dispensing-repository';
import { SettlementRepository } from '../../store/settlement-repository';
import type { AreaDeps } from '../area-deps';
import type { AuthenticatedSession } from '../auth-service';
import { jobsOf } from '../background/jobs-of';
import { localPeriod } from '../reports/period';
import { deliveryView } from './delivery-view';

export { deliveryView };

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

/** Delivery orders of settled prescriptions, their hand-over and receipt (R-DELIVERY, R-DELIVERY-REC). */
export function createDeliveryArea(deps: AreaDeps) {
  const orders = new DeliveryOrderRepository(deps.db);
  const jobs = jobsOf(deps);
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

    /** The CSV is written by the job thread (issue 20: no export stalls the counter). */
    async export(
      session: AuthenticatedSession,
      q: { from: string; to: string },
    ): Promise<ReportExportResult> {
      const { rows, ...result } = await jobs.run('delivery.export', {
        ...q,
        atMs: deps.now().getTime(),
      });
      deps.log.info('delivery.exported', {
        rows,
        sm3: result.sm3,
        staffId: session.staff.id,
      });
      return result;
    },
  };
}

export type DeliveryArea = ReturnType<typeof createDeliveryArea>;
