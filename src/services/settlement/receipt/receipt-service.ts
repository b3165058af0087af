import { dateTime } from '../../../center/clock';
import type { Out7204 } from '../../../center/rx/fsi-72xx';
import type { ReceiptFormat, ReceiptView } from '../../../contract/types-settlement';
import { AppError } from '../../../domain/errors';
import { maskIdNumber, maskName } from '../../../domain/mask';
import { yuanText } from '../../../domain/money';
import { selfPayDocNo } from '../../../domain/sale-doc-no';
import type { RxSelfPaySale } from '../../../store/rx-self-pay-repository';
import type { SelfPaySale } from '../../../store/self-pay-repository';
import { buildGuidance } from '../../dispense/guidance';
import type { SettlementContext } from '../context';
import { settlementView } from '../settlement-view';
import { a4ReceiptPdf } from './pdf-writer';
import type { ReceiptData } from './receipt-data';
import { THERMAL_COLUMNS, thermalLines } from './thermal';

export function settlementReceipt(ctx: SettlementContext, settlementId: number): ReceiptData {
  const v = settlementView(ctx, settlementId);
  if (!v.split || !v.setlId) {
    throw new AppError('CONFLICT', `结算 ${settlementId} 尚未结算成功，不能打印结算单`, {
      ruleId: 'R-SETTLE',
    });
  }
  const codes = ctx.dispensings.codes(v.dispensingId);
  const s = v.split;
  const refunded = v.state === 'refunded';
  // A paper prescription has no hi_rxno: the receipt names the paper and where it came from.
  const rxRows: Array<[string, string]> = v.paper
    ? [
        ['处方类型', '纸质处方'],
        ['开方机构', v.paper.institutionName],
        ['处方编号', v.paper.serialNo],
      ]
    : [['处方号', v.hiRxno]];
  return {
    title: refunded ? '医保结算单（已退费）' : '医保结算单',
    pharmacyName: ctx.config.pharmacy.name,
    rows: [
      ...rxRows,
      ['结算ID', v.setlId],
      ['结算时间', v.settledAt ?? ''],
      ['参保人', `${v.patient.nameMasked} ${v.patient.certnoMasked}`],
      ['险种', v.patient.insutypeLabel],
    ],
    lines: v.lines.map((l) => ({
      name: l.chargeLevelLabel ? `${l.name}（${l.chargeLevelLabel}）` : l.name,
      qty: `${l.quantity}${l.unit} x ${l.price.yuan}`,
      total: l.total.yuan,
      notes: l.selfPayReasons.map((r) => r.message),
      codes: codes.filter((c) => c.lineNo === l.lineNo).map((c) => c.code),
    })),
    totals: [
      ['医疗费总额', s.total.yuan],
      ['统筹基金支付', s.fund.yuan],
      ['个人账户支付', s.account.yuan],
      ['个人现金支付', s.cash.yuan],
      ['其中全自费', s.fullOwnPay.yuan],
      ['其中超限价自付', s.overLimit.yuan],
      ['其中先行自付', s.preSelfPay.yuan],
      ...(s.balanceAfter ? ([['账户余额', s.balanceAfter.yuan]] as Array<[string, string]>) : []),
    ],
    footer: [
      ...s.centerWarnings,
      '请妥善保管本结算单；退费须凭本单办理。',
      v.paper ? '本单据依据纸质处方结算。' : '本单据依据电子处方结算。',
    ],
    guidance: v.paper ? undefined : guidanceParagraphs(ctx, v.hiRxno),
  };
}

/** R-GUIDE: the guidance of an e-prescription goes out with its sale, on the same paper. */
function guidanceParagraphs(ctx: SettlementContext, hiRxno: string): string[] | undefined {
  const p = ctx.prescriptions.get(hiRxno);
  if (!p) return undefined;
  return buildGuidance(hiRxno, p.patientName, p.reply as Out7204, ctx.catalog).lines.map(
    (l) => l.text,
  );
}

function saleReceipt(ctx: SettlementContext, saleId: number): ReceiptData {
  const sale = ctx.selfPay.get(saleId);
  if (!sale) throw new AppError('NOT_FOUND', `没有销售单 ${saleId}`);
  const lines = ctx.selfPay.lines(saleId).map((l) => ({
    name: l.name,
    qty: `${l.packs}盒 x ${yuanText(l.priceFen)}`,
    total: yuanText(l.packs * l.priceFen),
    notes: [],
    codes: l.codes,
  }));
  const rx = ctx.rxSelfPay.ofSale(saleId);
  if (rx) return rxSelfPayReceipt(ctx, sale, rx, lines);
  return {
    title: '自费销售小票',
    pharmacyName: ctx.config.pharmacy.name,
    rows: [
      ['单号', selfPayDocNo(sale.id)],
      ['时间', dateTime(new Date(sale.soldAt))],
      ['收银员', sale.staffName],
    ],
    lines,
    totals: [
      ['合计', yuanText(sale.totalFen)],
      ['现金支付', yuanText(sale.totalFen)],
    ],
    footer: ['非医保结算，费用由个人全额支付。'],
  };
}

/** D45: the 自费结算 of an e-prescription: the prescription, the patient (masked), fund 0.00. */
function rxSelfPayReceipt(
  ctx: SettlementContext,
  sale: SelfPaySale,
  rx: RxSelfPaySale,
  lines: ReceiptData['lines'],
): ReceiptData {
  const p = ctx.prescriptions.get(rx.hiRxno);
  const refunded = rx.refundedAt !== null;
  return {
    title: refunded ? '自费结算单（已退费）' : '自费结算单',
    pharmacyName: ctx.config.pharmacy.name,
    rows: [
      ['结算方式', '自费结算'],
      ['处方号', rx.hiRxno],
      ['单号', selfPayDocNo(sale.id)],
      ['结算时间', dateTime(new Date(sale.soldAt))],
      ['参保人', p ? `${maskName(p.patientName)} ${maskIdNumber(p.certno)}` : ''],
      ['经办人', sale.staffName],
    ],
    lines,
    totals: [
      ['医疗费总额', yuanText(sale.totalFen)],
      ['医保基金支付', yuanText(0)],
      ['个人现金支付', yuanText(sale.totalFen)],
    ],
    footer: [
      '参保状态不是正常参保，经患者同意按自费结算，医保基金未支付。',
      '请妥善保管本结算单；退费须凭本单办理。',
      '本单据依据电子处方结算。',
    ],
    guidance: guidanceParagraphs(ctx, rx.hiRxno),
  };
}

/** The receipt data printed in a format: thermal fixed-width lines, or an A4 PDF (Base64). */
export function rendered(data: ReceiptData, format: ReceiptFormat): ReceiptView {
  if (format === 'a4') {
    return { format, lines: null, columns: null, pdfBase64: a4ReceiptPdf(data).toString('base64') };
  }
  const columns = THERMAL_COLUMNS[format];
  return { format, lines: thermalLines(data, columns), columns, pdfBase64: null };
}

/** receipt.get: thermal 58/80 mm fixed-width lines, or an A4 PDF (Base64). */
export function receipt(
  ctx: SettlementContext,
  of: { settlementId: number } | { saleId: number },
  format: ReceiptFormat,
): ReceiptView {
  const data =
    'settlementId' in of ? settlementReceipt(ctx, of.settlementId) : saleReceipt(ctx, of.saleId);
  return rendered(data, format);
}
