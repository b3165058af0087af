import { dateTime } from '../../center/clock';
import type {
  RefundView,
  ReversalResultCode,
  SettlementView,
  SplitLineView,
  UnknownOutcomeView,
} from '../../contract/types-settlement';
import { AppError } from '../../domain/errors';
import { SETTLEMENT_STATE_LABELS } from '../../domain/lifecycle/state-labels';
import { fenOf, money } from '../../domain/money';
import type { FeeLine } from '../../domain/settlement/fee-lines';
import type { SettlementRecord } from '../../store/settlement-repository';
import { paperSourceOf } from '../paper/paper-views';
import { NEXT_STEPS, REVERSAL_RESULTS } from './codes';
import type { SettlementContext } from './context';
import { patientView } from './insured-person';
import { electronicReceiptView } from './receipt/electronic-receipt';
import {
  outOfScopeSns,
  type SettleOutput,
  settleOutputSchema,
  splitLines,
  splitTotals,
} from './split-view';
import { uploadView } from './upload-view';

const LIVE = new Set(['settling', 'settled', 'outcome_unknown', 'refunding', 'refund_unknown']);

/** The fee lines as the frozen 2102 request billed them. */
export function billedLines(ctx: SettlementContext, s: SettlementRecord): FeeLine[] {
  const req = JSON.parse(s.request) as {
    input: { drugdetail: Array<Record<string, unknown>> };
  };
  const dispensed = ctx.dispensings.lines(s.dispensingId);
  return req.input.drugdetail.map((d) => {
    const sn = String(d.feedetl_sn);
    const lineNo = Number(sn.split('-')[1]);
    const line = dispensed.find((l) => l.lineNo === lineNo);
    return {
      feedetlSn: sn,
      lineNo: line ? lineNo : null,
      medListCodg: String(d.med_list_codg),
      name: line?.genname ?? ctx.catalog.get(String(d.med_list_codg))?.genname ?? '配送费',
      quantity: Number(d.cnt),
      unit: line?.qtyUnit ?? '次',
      priceUnits: Math.round(Number(d.pric) * 10_000),
      totalFen: fenOf(d.det_item_fee_sumamt),
    };
  });
}

function refundView(s: SettlementRecord): RefundView | null {
  if (!s.refundReason) return null;
  const state =
    s.state === 'refunded'
      ? 'refunded'
      : s.state === 'refund_unknown'
        ? 'refund_unknown'
        : 'refunding';
  if (s.state === 'settled') return null;
  const info = (s.refundReply as { setlinfo?: Record<string, unknown> } | null)?.setlinfo;
  return {
    reason: s.refundReason,
    state,
    refundedAt: s.refundedAt ? dateTime(new Date(s.refundedAt)) : null,
    fund: info ? money(fenOf(info.fund_pay_sumamt)) : null,
    account: info ? money(fenOf(info.acct_pay)) : null,
    cash: info ? money(fenOf(info.cash_payamt)) : null,
  };
}

/** Whose account the center says it settled on (its reply), else the prescription's patient. */
function debitedPerson(s: SettlementRecord, reply: SettleOutput | null) {
  const info = reply?.setlinfo;
  if (info?.certno) return patientView(info.psn_name ?? '', info.certno, s.insutype);
  return patientView(s.patientName, s.certno, s.insutype);
}

export function settlementView(ctx: SettlementContext, id: number): SettlementView {
  const s = ctx.settlements.get(id);
  if (!s) throw new AppError('NOT_FOUND', `没有结算记录 ${id}`);
  const billed = billedLines(ctx, s);
  const parsed = s.reply ? settleOutputSchema.safeParse(s.reply) : null;
  const sentInput = (JSON.parse(s.request) as { input?: unknown }).input;
  const lines: SplitLineView[] = parsed?.success
    ? splitLines(parsed.data, billed, outOfScopeSns(sentInput))
    : splitLines({ setlinfo: {} as never, setldetail: [], detlcutinfo: [] }, billed);
  const unknown: UnknownOutcomeView[] = ctx.settlements
    .calls(s.id)
    .filter((c) => c.outcome === 'unknown' && c.reversalMsgid)
    .map((c) => ({
      oinfno: c.infno,
      omsgid: c.msgid,
      since: dateTime(new Date(c.createdAt)),
      reason: c.detail ?? '',
      reversal: uploadView(ctx, { infno: '2601', msgid: c.reversalMsgid as string }),
      result: c.reversalResult
        ? {
            code: c.reversalResult as ReversalResultCode,
            label: REVERSAL_RESULTS[c.reversalResult] ?? c.reversalResult,
          }
        : null,
    }));
  const live = ctx.settlements.liveForDispensing(s.dispensingId);
  const dispensing = ctx.dispensings.get(s.dispensingId);
  const paper = dispensing?.paperId ? ctx.papers.get(dispensing.paperId) : null;
  return {
    settlementId: s.id,
    dispensingId: s.dispensingId,
    hiRxno: s.hiRxno,
    source: dispensing?.source ?? 'electronic',
    paper: paper ? paperSourceOf(paper) : null,
    state: s.state,
    stateLabel: SETTLEMENT_STATE_LABELS[s.state],
    nextStep: NEXT_STEPS[s.state],
    canSettleAgain: !LIVE.has(s.state) && !live && dispensing?.state === 'completed',
    canRefund: s.state === 'settled',
    setlId: s.setlId,
    mdtrtId: s.mdtrtId,
    msgid: s.msgid,
    settledAt: s.settledAt ? dateTime(new Date(s.settledAt)) : null,
    patient: debitedPerson(s, parsed?.success ? parsed.data : null),
    lines,
    split: parsed?.success ? splitTotals(parsed.data, s.warnMsg) : null,
    refusal: s.refusal,
    unknown,
    refund: refundView(s),
    uploads: ctx.uploads.forSettlement(s.id).map((u) => uploadView(ctx, u)),
    electronicReceipt: electronicReceiptView(ctx, s.id),
  };
}
