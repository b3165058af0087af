import { dateTime, parseDateTime } from '../../center/clock';
import type { SettlementLookupRow } from '../../contract/types-settlement';
import { AppError } from '../../domain/errors';
import { maskIdNumber, maskName } from '../../domain/mask';
import { money } from '../../domain/money';
import { MAX_LOOKUP_DAYS, patientTerm } from '../../domain/settlement/lookup-term';
import { SettlementLookupRepository } from '../../store/settlement-lookup-repository';
import type { SettlementContext } from './context';
import { settlementView } from './settlement-view';

const DAY_MS = 86_400_000;

export type LookupQuery = { setlId: string } | { patient: string; from: string; to: string };

function localMidnight(date: string): number {
  const d = parseDateTime(`${date} 00:00:00`);
  if (!d) throw new AppError('VALIDATION', `日期“${date}”不是有效日期`, { ruleId: 'R-REVERSE' });
  return d.getTime();
}

function period(from: string, to: string): [number, number] {
  const start = localMidnight(from);
  const end = localMidnight(to) + DAY_MS;
  if (end <= start) {
    throw new AppError('VALIDATION', `开始日期 ${from} 晚于结束日期 ${to}`, {
      ruleId: 'R-REVERSE',
    });
  }
  if (end - start > MAX_LOOKUP_DAYS * DAY_MS) {
    throw new AppError('VALIDATION', `按参保人查找最长 ${MAX_LOOKUP_DAYS} 天，请缩短日期范围`, {
      ruleId: 'R-REVERSE',
    });
  }
  return [start, end];
}

function row(ctx: SettlementContext, id: number): SettlementLookupRow {
  const v = settlementView(ctx, id);
  const s = ctx.settlements.mustGet(id);
  const settledOnce = v.setlId !== null && v.split !== null;
  return {
    settlementId: v.settlementId,
    selfPaySaleId: null,
    setlId: v.setlId,
    hiRxno: v.hiRxno,
    at: v.settledAt ?? dateTime(new Date(s.createdAt)),
    patient: v.patient,
    state: v.state,
    stateLabel: v.stateLabel,
    total: v.split?.total ?? null,
    fund: v.split?.fund ?? null,
    account: v.split?.account ?? null,
    cash: v.split?.cash ?? null,
    drugs: v.lines
      .filter((l) => l.lineNo !== null)
      .map((l) => `${l.name} ${l.quantity}${l.unit}`)
      .join('；'),
    canRefund: v.canRefund,
    canReprint: settledOnce,
    canPrintRefundSlip: v.state === 'refunded',
  };
}

/** D45: a 自费结算 of an e-prescription, found with the insured settlements of the patient. */
function selfPayRow(ctx: SettlementContext, saleId: number): SettlementLookupRow {
  const sale = ctx.selfPay.get(saleId);
  const rx = ctx.rxSelfPay.ofSale(saleId);
  if (!sale || !rx) throw new AppError('NOT_FOUND', `没有销售单 ${saleId}`);
  const p = ctx.prescriptions.get(rx.hiRxno);
  const refunded = rx.refundedAt !== null;
  const total = money(sale.totalFen);
  return {
    settlementId: null,
    selfPaySaleId: saleId,
    setlId: null,
    hiRxno: rx.hiRxno,
    at: dateTime(new Date(sale.soldAt)),
    patient: {
      nameMasked: p ? maskName(p.patientName) : '',
      certnoMasked: p ? maskIdNumber(p.certno) : '',
      insutype: '',
      insutypeLabel: '自费',
    },
    state: refunded ? 'refunded' : 'settled',
    stateLabel: refunded ? '自费结算·已退费' : '已自费结算',
    total,
    fund: money(0),
    account: money(0),
    cash: total,
    drugs: ctx.selfPay
      .lines(saleId)
      .map((l) => `${l.name} ${l.packs}盒`)
      .join('；'),
    canRefund: !refunded,
    canReprint: true,
    canPrintRefundSlip: false,
  };
}

/**
 * settlement.find: a past settlement by its 结算ID (scanned or typed), or by patient and period
 * (with the patient's 自费结算 of e-prescriptions, which have no 结算ID), newest first.
 */
export function findSettlements(ctx: SettlementContext, q: LookupQuery): SettlementLookupRow[] {
  const repo = new SettlementLookupRepository(ctx.db);
  if ('setlId' in q) return repo.bySetlId(q.setlId.trim()).map((id) => row(ctx, id));
  const term = patientTerm(q.patient);
  const range = period(q.from, q.to);
  const insured = repo.byPatient(term, ...range).map((id) => row(ctx, id));
  const selfPaid = ctx.rxSelfPay.byPatient(term, ...range).map((id) => selfPayRow(ctx, id));
  return [...insured, ...selfPaid].sort((a, b) => b.at.localeCompare(a.at));
}
