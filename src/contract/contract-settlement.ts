import { z } from 'zod';
import { RECEIPT_CHOICE_CODES, type ReceiptChoice } from '../domain/settlement/receipt-choice';
import { audited, reads } from './method-policy';
import { rxNo } from './schemas';
import type {
  MtClaimMaterialsView,
  MtClaimSaleView,
  ReceiptView,
  RxSelfPayOffer,
  SaleUploadsView,
  ScopeConsentsView,
  SelfPaySaleView,
  SettleEstimate,
  SettlementLookupRow,
  SettlementView,
  SettlePreview,
  StayHandoverView,
  StayMaterialsView,
  StayWithdrawnView,
  StocktakeView,
} from './types-settlement';

const id = z.number().int().positive();
const receiptFormat = z.enum(['thermal58', 'thermal80', 'a4']);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 yyyy-MM-dd');
const traceCode = z
  .string()
  .min(1)
  .max(100)
  // biome-ignore lint/suspicious/noControlCharactersInRegex: GS (0x1D) is the GS1 FNC1 separator inside a pack's code
  .regex(/^[\x1d\x20-\x7e]+$/, '只接受可打印ASCII字符与GS分隔符');

/** The patient's authorisation for 1101/2101/2102 (R-AUTH); default: the prescription's ID number. */
const patientCert = z
  .object({
    certType: z.enum(['01', '02', '03']),
    certNo: z
      .string()
      .min(1)
      .max(128)
      .regex(/^[\x20-\x7e]+$/),
    cardSn: z.string().max(64).optional(),
  })
  .strict();

/** Settlement, refund and sales-upload methods: R-SETTLE, R-REVERSE, R-PRICE, R-SALES-UP. */
export const settlementContract = {
  /**
   * 2101 of an open dispensing at its prescribed quantities: the price before every pack is
   * scanned. No effect at the center, nothing stored.
   */
  'settle.estimate': {
    input: z
      .object({
        dispensingId: id,
        patient: patientCert.optional(),
        useAccount: z.boolean().optional(),
      })
      .strict(),
    output: {} as SettleEstimate,
    auth: true,
    ...reads,
  },
  /**
   * 2101 pre-settlement of a completed dispensing of a reviewed prescription: the split (fund,
   * account, cash; self-paid parts with their reasons, R-PRICE, R-NONCOVERED). No effect.
   */
  'settle.preview': {
    input: z
      .object({
        dispensingId: id,
        patient: patientCert.optional(),
        useAccount: z.boolean().optional(),
        /** Delivery fee (R-DELIVERY): never paid by the fund. */
        deliveryFeeFen: z.number().int().min(0).max(100_000).optional(),
      })
      .strict(),
    output: {} as SettlePreview,
    auth: true,
    ...reads,
  },
  /**
   * 2102 with the lines of the preview (or a fresh 2101 when previewId is absent). An unknown
   * outcome is recorded and reversed (2601) through the outbox; 7207 and 3505 are queued in the
   * same transaction as a successful settlement.
   */
  'settle.confirm': {
    input: z
      .object({
        dispensingId: id,
        previewId: z.string().min(1).max(64).optional(),
        /** R-EINVOICE: what the patient takes; the electronic receipt is stored either way. */
        receiptChoice: z
          .enum(RECEIPT_CHOICE_CODES as [ReceiptChoice, ...ReceiptChoice[]])
          .optional(),
      })
      .strict(),
    output: {} as SettlementView,
    auth: true,
    mutates: true,
    audit: audited('settle.confirm', {
      subject: 'settlement',
      detail: {
        input: ['dispensingId', 'receiptChoice'],
        output: ['settlementId', 'state', 'setlId'],
      },
    }),
  },
  'settle.get': {
    input: z.union([
      z.object({ settlementId: id }).strict(),
      z.object({ dispensingId: id }).strict(),
    ]),
    output: {} as SettlementView,
    auth: true,
    ...reads,
  },
  /** Where an unknown outcome stands; sends its pending 2601 now (same msgid) and applies the answer. */
  'settle.resolveUnknown': {
    input: z.object({ settlementId: id }).strict(),
    output: {} as SettlementView,
    auth: true,
    mutates: true,
    audit: audited('settle.resolve', {
      subject: 'settlement',
      detail: { input: ['settlementId'], output: ['state', 'setlId'] },
    }),
  },
  /** R-REVERSE: 2103 (2601 if unknown), then 7208 and 3506 queued; stock and codes restored. */
  'refund.start': {
    input: z.object({ settlementId: id, reason: z.string().trim().min(2).max(200) }).strict(),
    output: {} as SettlementView,
    auth: true,
    roles: {
      allowed: ['pharmacist', 'admin'],
      refusal: '退费须由药师或管理员办理',
      ruleId: 'R-REVERSE',
    },
    mutates: true,
    audit: audited('refund.start', {
      subject: 'settlement',
      detail: { input: ['settlementId', 'reason'], output: ['state'] },
    }),
  },
  /** R-SETTLE: the receipt with the split, prescription number and the packs' codes. */
  'receipt.get': {
    input: z.union([
      z.object({ settlementId: id, format: z.enum(['thermal58', 'thermal80', 'a4']) }).strict(),
      z.object({ saleId: id, format: z.enum(['thermal58', 'thermal80', 'a4']) }).strict(),
    ]),
    output: {} as ReceiptView,
    auth: true,
    ...reads,
  },
  /**
   * The lookup page (issue 19): a past settlement by its 结算ID (scanned from the receipt or
   * typed), or by patient (name, * for a masked character, or the ID number's last digits) and
   * period; refund (refund.start) and reprint act on what it finds.
   */
  'settlement.find': {
    input: z.union([
      z
        .object({
          setlId: z
            .string()
            .trim()
            .min(1)
            .max(64)
            .regex(/^[0-9A-Za-z-]+$/),
        })
        .strict(),
      z.object({ patient: z.string().trim().min(1).max(32), from: isoDate, to: isoDate }).strict(),
    ]),
    output: [] as SettlementLookupRow[],
    auth: true,
    ...reads,
  },
  /** 补打凭证: the receipt of a past settlement marked 补打 with the reprint time (R-KEEP). */
  'receipt.reprint': {
    input: z.object({ settlementId: id, format: receiptFormat }).strict(),
    output: {} as ReceiptView,
    auth: true,
    mutates: false,
    audit: audited('receipt.reprint', {
      subject: 'settlement',
      detail: { input: ['settlementId', 'format'] },
    }),
  },
  /** 退费凭证 after a refund: the amounts given back and the original 结算ID (R-REVERSE). */
  'receipt.refundSlip': {
    input: z.object({ settlementId: id, format: receiptFormat }).strict(),
    output: {} as ReceiptView,
    auth: true,
    ...reads,
  },
  /** R-SCOPE: the lines outside the restricted payment scope and the consents recorded for them. */
  'settle.scopeConsents': {
    input: z.object({ dispensingId: id }).strict(),
    output: {} as ScopeConsentsView,
    auth: true,
    ...reads,
  },
  /**
   * R-SCOPE: records the patient's signed 自费用药知情同意书 for out-of-scope lines before
   * settlement (who signed, the form's number; the recording staff and time come from the session).
   */
  'settle.recordScopeConsent': {
    input: z
      .object({
        dispensingId: id,
        lineNos: z.array(z.number().int().positive()).min(1).max(50),
        signedBy: z.string().trim().min(2).max(40),
        signerRelation: z.enum(['self', 'guardian', 'agent']),
        formNo: z.string().trim().min(1).max(40),
      })
      .strict(),
    output: {} as ScopeConsentsView,
    auth: true,
    mutates: true,
    audit: audited('settle.scopeConsent', {
      subject: 'dispensing',
      detail: { input: ['dispensingId', 'formNo'] },
    }),
  },
  /** Non-prescription goods for cash (no center call; works offline); 3505 queued (R-STOCK). */
  'sale.selfPay': {
    input: z
      .object({
        items: z
          .array(
            z
              .object({
                medListCodg: z.string().min(1).max(64),
                codes: z.array(traceCode).min(1).max(100),
              })
              .strict(),
          )
          .min(1)
          .max(50),
      })
      .strict(),
    output: {} as SelfPaySaleView,
    auth: true,
    mutates: true,
    audit: audited('sale.selfPay', {
      subject: 'selfPaySale',
      detail: { output: ['saleId'], extra: 'selfPayLines' },
    }),
  },
  /**
   * R-MT-CLAIM: a 门特 paper prescription archived as a self-pay purchase, sold for cash exactly as
   * prescribed (one code per pack); never settled with the fund. Returns the 零星报销 materials.
   */
  'sale.mtClaim': {
    input: z
      .object({
        paperId: id,
        items: z
          .array(
            z
              .object({
                medListCodg: z.string().min(1).max(64),
                codes: z.array(traceCode).min(1).max(100),
              })
              .strict(),
          )
          .min(1)
          .max(20),
      })
      .strict(),
    output: {} as MtClaimSaleView,
    auth: true,
    mutates: true,
    audit: audited('sale.mtClaim', {
      subject: 'paper',
      detail: { input: ['paperId'], output: ['saleId'], extra: 'selfPayLines' },
    }),
  },
  /**
   * D45: the words the 自费结算 consent dialog shows for an e-prescription of a person whose
   * insurance is not in force; refused (R-SETTLE) for a person insured in force.
   */
  'rx.selfPayOffer': {
    input: z.object({ hiRxno: rxNo }).strict(),
    output: {} as RxSelfPayOffer,
    auth: true,
    ...reads,
  },
  /** D45: the patient's consent to 自费结算 (who, the words shown); who recorded it and when. */
  'rx.selfPayConsent': {
    input: z
      .object({
        hiRxno: rxNo,
        confirmedBy: z.string().trim().min(2).max(40),
        confirmerRelation: z.enum(['self', 'guardian', 'agent']),
        words: z.string().min(20).max(500),
      })
      .strict(),
    output: {} as { consentId: number },
    auth: true,
    roles: {
      allowed: ['pharmacist'],
      refusal: '电子处方自费结算须由药师办理',
      ruleId: 'R-PHARMACIST',
    },
    mutates: true,
    audit: audited('rx.selfPayConsent', {
      subject: 'rx',
      detail: { input: ['hiRxno', 'confirmerRelation'], output: ['consentId'] },
    }),
  },
  /**
   * D45: an e-prescription of a person not insured in force, sold as 自费 with the recorded
   * consent, exactly as prescribed (one code per pack); no 2101/2102; 7207 (自费) and 3505 queued.
   */
  'sale.rxSelfPay': {
    input: z
      .object({
        hiRxno: rxNo,
        items: z
          .array(
            z
              .object({
                medListCodg: z.string().min(1).max(64),
                codes: z.array(traceCode).min(1).max(100),
              })
              .strict(),
          )
          .min(1)
          .max(20),
      })
      .strict(),
    output: {} as SelfPaySaleView,
    auth: true,
    roles: {
      allowed: ['pharmacist'],
      refusal: '电子处方自费结算须由药师办理',
      ruleId: 'R-PHARMACIST',
    },
    mutates: true,
    audit: audited('sale.rxSelfPay', {
      subject: 'rx',
      detail: { input: ['hiRxno'], output: ['saleId'], extra: 'selfPayLines' },
    }),
  },
  /** R-REVERSE: 退费 of an e-prescription's self-pay sale: cash back, packs and codes back, 7208/3506. */
  'sale.rxSelfPayRefund': {
    input: z.object({ saleId: id, reason: z.string().trim().min(2).max(200) }).strict(),
    output: {} as SelfPaySaleView,
    auth: true,
    roles: {
      allowed: ['pharmacist', 'admin'],
      refusal: '退费须由药师或管理员办理',
      ruleId: 'R-REVERSE',
    },
    mutates: true,
    audit: audited('sale.rxSelfPayRefund', {
      subject: 'selfPaySale',
      detail: { input: ['saleId', 'reason'] },
    }),
  },
  /** The 零星报销 materials of a 门特 self-pay purchase again (reprint). */
  'sale.mtClaimMaterials': {
    input: z.object({ paperId: id, saleId: id }).strict(),
    output: {} as MtClaimMaterialsView,
    auth: true,
    mutates: false,
    audit: audited('sale.mtClaimMaterials', {
      subject: 'paper',
      detail: { input: ['paperId', 'saleId'] },
    }),
  },
  /**
   * R-MT-SETTLE (003 §三(一), D47): a completed dispensing of an inpatient's dual-channel
   * prescription handed to the hospital's inpatient settlement; its 3505 is queued.
   */
  'stay.record': {
    input: z
      .object({
        dispensingId: id,
        hospital: z.string().trim().min(2, '请填写住院的医疗机构名称').max(100),
        stayNo: z.string().trim().min(1, '请填写住院号').max(40),
        formSeen: z.literal(true, {
          error: '须查验经医院医保管理部门审核同意的“双通道”药品使用申请备案表',
        }),
      })
      .strict(),
    output: {} as StayHandoverView,
    auth: true,
    roles: {
      allowed: ['pharmacist'],
      refusal: '登记随住院结算须由执业药师办理',
      ruleId: 'R-PHARMACIST',
    },
    mutates: true,
    audit: audited('stay.record', {
      subject: 'dispensing',
      detail: { input: ['dispensingId', 'stayNo'], output: ['stayHandoverId', 'state'] },
    }),
  },
  'stay.get': {
    input: z.object({ dispensingId: id }).strict(),
    output: {} as StayHandoverView,
    auth: true,
    ...reads,
  },
  /** The materials the patient hands the hospital for the merged settlement (A4 PDF). */
  'stay.materials': {
    input: z.object({ dispensingId: id }).strict(),
    output: {} as StayMaterialsView,
    auth: true,
    mutates: false,
    audit: audited('stay.materials', {
      subject: 'dispensing',
      detail: { input: ['dispensingId'] },
    }),
  },
  /** 撤销 before the hospital settles: the dispensing is cancelled (撤销调剂), 3506 if needed. */
  'stay.withdraw': {
    input: z
      .object({
        dispensingId: id,
        reason: z.string().trim().min(2, '请填写撤销原因（至少2个字）').max(200),
      })
      .strict(),
    output: {} as StayWithdrawnView,
    auth: true,
    roles: {
      allowed: ['pharmacist'],
      refusal: '撤销随住院结算须由执业药师办理',
      ruleId: 'R-PHARMACIST',
    },
    mutates: true,
    audit: audited('stay.withdraw', {
      subject: 'dispensing',
      detail: { input: ['dispensingId', 'reason'], output: ['state', 'packs', 'codes'] },
    }),
  },
  'sale.get': {
    input: z.object({ saleId: id }).strict(),
    output: {} as SelfPaySaleView,
    auth: true,
    ...reads,
  },
  /** R-SALES-UP, R-STOCK: every upload of one sale (7207, 3505, 7208, 3506, 2601) and its state. */
  'uploads.forSale': {
    input: z.union([z.object({ settlementId: id }).strict(), z.object({ saleId: id }).strict()]),
    output: {} as SaleUploadsView,
    auth: true,
    ...reads,
  },
  /** R-STOCK: 3501 stocktake of every batch on hand, queued. */
  'stock.stocktake': {
    input: z.object({}).strict(),
    output: {} as StocktakeView,
    auth: true,
    mutates: true,
    audit: audited('stock.stocktake', { detail: { output: ['batches', 'msgid'] } }),
  },
} as const;
