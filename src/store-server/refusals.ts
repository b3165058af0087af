import type { StoreEarlierSale, StoreRefusal } from '../contract/types-store';
import { centerRefusalMessage } from '../domain/dispense/scan-decision';
import { formatBeijingDateTime } from '../domain/policy/beijing-time';
import { ruleCitationForUsers } from '../domain/rules';
import { ms } from './database';

/**
 * The store server's refusals of a pack (R-TRACE-ONCE), in the counter's words
 * (src/domain/dispense/scan-decision.ts), with where the pack is held or was sold.
 */
function refusal(
  reason: StoreRefusal['reason'],
  code: string,
  message: string,
  earlier: StoreEarlierSale | null = null,
): StoreRefusal {
  return {
    reason,
    ruleId: 'R-TRACE-ONCE',
    citation: ruleCitationForUsers('R-TRACE-ONCE'),
    message,
    code,
    earlier,
  };
}

export interface SaleRow {
  code: string;
  med_list_codg: string;
  counter_id: string;
  sale_ref: string;
  sold_at: Date;
  units_per_pack: number | null;
  units_left: number | null;
}

export function earlierOf(r: SaleRow): StoreEarlierSale {
  return {
    counterId: r.counter_id,
    saleRef: r.sale_ref,
    medListCodg: r.med_list_codg,
    soldAt: ms(r.sold_at),
  };
}

export function alreadySold(code: string, sale: SaleRow): StoreRefusal {
  const usedUp = sale.units_per_pack !== null && sale.units_left === 0;
  return usedUp
    ? refusal('PACK_USED_UP', code, '该盒已拆零售完，追溯码不能再次使用', earlierOf(sale))
    : refusal(
        'ALREADY_SOLD',
        code,
        `该追溯码已于此前售出，同一盒药品不得重复销售（疑似回流药）：柜台 ${sale.counter_id}，${formatBeijingDateTime(sale.sold_at)}`,
        earlierOf(sale),
      );
}

export function heldElsewhere(
  code: string,
  holder: { counter_id: string; reserved_at: Date },
  me: string,
): StoreRefusal {
  const where = holder.counter_id === me ? '本柜台另一调剂单' : `柜台 ${holder.counter_id} 的调剂`;
  return refusal(
    'HELD_ELSEWHERE',
    code,
    `该追溯码已于 ${formatBeijingDateTime(holder.reserved_at)} 在${where}中扫码，同一盒药品不得重复销售`,
  );
}

export function refusedByCenter(
  code: string,
  r: { center_message: string; infno: '7207' | '3505'; msgid: string; refused_at: Date },
): StoreRefusal {
  return refusal(
    'CENTER_REFUSED',
    code,
    centerRefusalMessage({
      code,
      centerMessage: r.center_message,
      infno: r.infno,
      msgid: r.msgid,
      refusedAt: ms(r.refused_at),
    }),
  );
}

export function notOpenedHere(code: string, sale: SaleRow | undefined): StoreRefusal {
  return refusal(
    'NOT_OPENED_HERE',
    code,
    sale
      ? `该拆零包装由柜台 ${sale.counter_id} 拆开，须在该柜台续用`
      : '门店登记中该盒没有拆零销售记录，不能按已拆零包装续用；请扫描整盒',
  );
}
