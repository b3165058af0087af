import type { SettlementState, StayHandoverState, UploadState } from '../domain/lifecycle/states';
import type { Money } from '../domain/money';
import type { RuleId } from '../domain/rules';
import type { ReceiptChoice } from '../domain/settlement/receipt-choice';
import type { PaperSourceView } from './types-dispense';
import type { SupervisionView } from './types-supervision';

/** Output types of the settlement, refund, receipt, self-pay and upload methods (contract-settlement.ts). */

export type { Money };

/** Why part of a line is paid by the patient, as the center's 2101/2102 answer says. */
export type SelfPayReasonCode =
  /** Outside the drug's restricted payment scope, with the patient's signed consent (R-SCOPE). */
  | 'OUT_OF_SCOPE'
  /** 丙类 / not in the catalog / not covered in this region (R-NONCOVERED). */
  | 'NON_COVERED'
  /** Price above the payment standard (支付标准) (R-PRICE). */
  | 'ABOVE_STANDARD'
  /** 乙类 先行自付 share. */
  | 'PRE_SELFPAY';

export interface SelfPayReason {
  code: SelfPayReasonCode;
  amount: Money;
  /** Chinese, for the screen and the receipt, e.g. "高于医保支付标准，超出部分 120.00 元由个人自付". */
  message: string;
  ruleId: RuleId | null;
}

/** One fee line of the split (a dispensed drug line, or a non-drug line such as a delivery fee). */
export interface SplitLineView {
  feedetlSn: string;
  /** Dispensing line number; null for a non-drug line (delivery fee). */
  lineNo: number | null;
  medListCodg: string;
  name: string;
  quantity: number;
  unit: string;
  price: Money;
  total: Money;
  /** 支付标准 per unit as the center applied it; null when the center gave none. */
  payStandard: Money | null;
  /** 01 甲类, 02 乙类, 03 丙类/目录外 */
  chargeLevel: string;
  chargeLevelLabel: string;
  fullOwnPay: Money;
  overLimit: Money;
  preSelfPay: Money;
  inScope: Money;
  selfPayReasons: SelfPayReason[];
}

/** The basket totals of a 2101/2102 answer (R-SETTLE). */
export interface SplitView {
  total: Money;
  /** 统筹基金支付 (fund_pay_sumamt). */
  fund: Money;
  /** 个人账户支付 (acct_pay). */
  account: Money;
  /** 个人现金支付 (psn_cash_pay): what the patient pays at the counter. */
  cash: Money;
  /** 个人负担 = account + cash. */
  personalPart: Money;
  fullOwnPay: Money;
  overLimit: Money;
  preSelfPay: Money;
  inScope: Money;
  deductible: Money;
  poolSelfPay: Money;
  /** Personal-account balance after this settlement; null when unknown. */
  balanceAfter: Money | null;
  /** The center's warn_msg, if any (e.g. a dual-channel drug above its standard). */
  centerWarnings: string[];
  /** Why the fund pays 0.00 (起付线, 支付比例 from the center's setl_proc_info); null when it pays. */
  zeroFundExplanation: string | null;
}

export interface SettlementPatientView {
  nameMasked: string;
  certnoMasked: string;
  insutype: string;
  insutypeLabel: string;
}

/** settle.preview: the 2101 answer, kept for settle.confirm. */
export interface SettlePreview {
  previewId: string;
  dispensingId: number;
  /** The rxno settled: hi_rxno, or `<institution>-<serial>` for a paper prescription. */
  hiRxno: string;
  source: 'electronic' | 'paper';
  /** Filled for a paper prescription (纸质处方). */
  paper: PaperSourceView | null;
  patient: SettlementPatientView;
  lines: SplitLineView[];
  split: SplitView;
  /** One Chinese sentence per self-paid part, with its rule (R-PRICE, R-NONCOVERED). */
  selfPayNotices: string[];
  /** The platform's pre-settlement check (3101) of these lines; settle only when it allows (R-SUPERVISE). */
  supervision: SupervisionView;
  previewedAt: string;
}

/**
 * A 2101 estimate of an open dispensing at its prescribed quantities: the price before the packs
 * are handed over (issue 19 item 9). Never settled from; settlement asks the center again.
 */
export interface SettleEstimate {
  dispensingId: number;
  hiRxno: string;
  patient: SettlementPatientView;
  useAccount: boolean;
  lines: SplitLineView[];
  split: SplitView;
  selfPayNotices: string[];
  estimatedAt: string;
}

/** A settlement's local life is the domain's state machine (src/domain/lifecycle/transitions.ts). */
export type { SettlementState, UploadState };

/** One upload (or reversal) through the outbox. */
export interface UploadView {
  infno: string;
  /** Chinese name, e.g. 药品销售出库明细上传（7207）. */
  label: string;
  state: UploadState;
  stateLabel: string;
  msgid: string | null;
  attempts: number;
  lastError: string | null;
  deliveredAt: string | null;
}

/** 2601 result codes (x_rvs_rslt; docs/sandbox.md code table). */
export type ReversalResultCode = '1' | '2' | '3' | '4';

/** An attempt whose outcome is unknown (timeout, lost reply, infcode -1) and its 2601. */
export interface UnknownOutcomeView {
  /** The original transaction: 2102 (settlement) or 2103 (refund). */
  oinfno: '2102' | '2103';
  omsgid: string;
  since: string;
  reason: string;
  reversal: UploadView;
  result: { code: ReversalResultCode; label: string } | null;
}

export interface RefundView {
  reason: string;
  state: 'refunding' | 'refund_unknown' | 'refunded';
  refundedAt: string | null;
  /** Amounts given back, as the center answered 2103. */
  fund: Money | null;
  account: Money | null;
  cash: Money | null;
}

export interface SettlementView {
  settlementId: number;
  dispensingId: number;
  /** The rxno settled: hi_rxno, or `<institution>-<serial>` for a paper prescription. */
  hiRxno: string;
  source: 'electronic' | 'paper';
  /** Filled for a paper prescription (纸质处方). */
  paper: PaperSourceView | null;
  state: SettlementState;
  stateLabel: string;
  /** What the counter should do next, in Chinese. */
  nextStep: string;
  /** True when no settlement of this dispensing is live or possibly live (settle again allowed). */
  canSettleAgain: boolean;
  canRefund: boolean;
  setlId: string | null;
  mdtrtId: string | null;
  msgid: string;
  settledAt: string | null;
  patient: SettlementPatientView;
  lines: SplitLineView[];
  split: SplitView | null;
  /** The center's refusal (state refused). */
  refusal: string | null;
  unknown: UnknownOutcomeView[];
  refund: RefundView | null;
  uploads: UploadView[];
  /** R-EINVOICE: the electronic receipt stored when it settled, and what the patient took. */
  electronicReceipt: ElectronicReceiptView | null;
}

export interface ElectronicReceiptView {
  settlementId: number;
  receiptNo: string;
  patientChoice: ReceiptChoice;
  /** 纸质票据 / 电子票据 / 纸质和电子票据 */
  choiceLabel: string;
  /** SM3 of the stored PDF. */
  sm3: string;
  issuedAt: string;
  /** The 红字 (冲红) receipt issued by the refund, if the settlement was refunded. */
  reversal: { receiptNo: string; sm3: string; issuedAt: string } | null;
}

export type ReceiptFormat = 'thermal58' | 'thermal80' | 'a4';

export interface ReceiptView {
  format: ReceiptFormat;
  /** Thermal: fixed-width lines (58 mm: 32 columns, 80 mm: 48; a CJK character counts 2). */
  lines: string[] | null;
  columns: number | null;
  /** A4: the receipt as a PDF, Base64. */
  pdfBase64: string | null;
}

/** A non-prescription self-pay sale (works offline; its 3505 is queued). */
/** The 零星报销 materials of a self-pay 门特 purchase (R-MT-CLAIM): its text and an A4 PDF. */
export interface MtClaimMaterialsView {
  paperId: number;
  saleId: number;
  fileName: string;
  lines: string[];
  pdfBase64: string;
}

/** stay.record: an inpatient's dual-channel dispensing handed to the hospital (R-MT-SETTLE, D47). */
export interface StayHandoverInput {
  dispensingId: number;
  /** The hospital of the stay, as the patient's papers name it. */
  hospital: string;
  /** 住院号 as typed from the patient's papers. */
  stayNo: string;
  /** The 备案表 (附件3) approved by the hospital's insurance office was seen. */
  formSeen: true;
}

export interface StayHandoverView {
  stayHandoverId: number;
  dispensingId: number;
  /** ZY…: on the 3505 and the materials. */
  docNo: string;
  state: StayHandoverState;
  stateLabel: string;
  hospital: string;
  stayNo: string;
  recordedAt: string;
  recordedBy: string;
  /** The 3505's outbox status; null before it is queued. */
  upload3505: string | null;
  withdrawReason: string | null;
}

/** The materials for the hospital's merged settlement: text and an A4 PDF. */
export interface StayMaterialsView {
  dispensingId: number;
  fileName: string;
  lines: string[];
  pdfBase64: string;
}

/** stay.withdraw: 撤销 of the hand-over, which cancels the dispensing (撤销调剂). */
export interface StayWithdrawnView {
  dispensingId: number;
  state: 'cancelled';
  packs: number;
  codes: number;
  stay: StayHandoverView;
}

/** sale.mtClaim: the self-pay sale of a 门特 paper prescription and its materials. */
export interface MtClaimSaleView extends SelfPaySaleView {
  materials: MtClaimMaterialsView;
}

/** D45: what the 自费结算 consent dialog shows the patient. */
export interface RxSelfPayOffer {
  hiRxno: string;
  /** 暂停参保 / 终止参保 …, as 1101 last said. */
  statusText: string;
  /** The words shown to the patient, stored with the consent exactly as shown. */
  words: string;
}

export interface SelfPaySaleView {
  saleId: number;
  /** The e-prescription this sale settled as 自费 (D45); null for a counter sale or a paper one. */
  rxSelfPay: { hiRxno: string; refunded: boolean; refundReason: string | null } | null;
  soldAt: string;
  staffName: string;
  lines: Array<{
    medListCodg: string;
    name: string;
    packs: number;
    price: Money;
    total: Money;
    codes: string[];
  }>;
  total: Money;
  uploads: UploadView[];
}

export interface SaleUploadsView {
  kind: 'settlement' | 'selfPay';
  id: number;
  uploads: UploadView[];
  allDelivered: boolean;
  /** Uploads a person must look at (parked). */
  needsAttention: boolean;
}

/** 3501 stocktake queued. */
export interface StocktakeView {
  msgid: string;
  batches: number;
  state: UploadState;
  /**
   * 无追溯码批次 (D40): batches of a traced item on hand with no pack code recorded (received
   * before codes were recorded). Their packs are sold only by scanning each code at the sale.
   */
  untraced: UntracedBatchView[];
}

export interface UntracedBatchView {
  batchId: number;
  batchNo: string;
  genname: string;
  packsOnHand: number;
}

/** One settlement found by settlement.find (the lookup page): enough to recognise it and act. */
export interface SettlementLookupRow {
  /** The insured settlement; null for a 自费结算 of an e-prescription (D45). */
  settlementId: number | null;
  /** The 自费结算 of an e-prescription (D45): its self-pay sale; null for an insured settlement. */
  selfPaySaleId: number | null;
  setlId: string | null;
  hiRxno: string;
  /** Settled at, or (outcome unknown) sent at. */
  at: string;
  patient: SettlementPatientView;
  state: SettlementState;
  stateLabel: string;
  total: Money | null;
  fund: Money | null;
  account: Money | null;
  cash: Money | null;
  /** e.g. "阿莫西林胶囊 2盒；布洛芬缓释胶囊 1盒". */
  drugs: string;
  canRefund: boolean;
  /** A receipt exists to reprint (the center settled it). */
  canReprint: boolean;
  /** A refund slip (退费凭证) can be printed. */
  canPrintRefundSlip: boolean;
}

/** R-SCOPE: one signed 自费用药知情同意书 as recorded (the signer's name masked). */
export interface ScopeConsentView {
  lineNo: number;
  medListCodg: string;
  signedByMasked: string;
  signerRelation: 'self' | 'guardian' | 'agent';
  formNo: string;
  recordedByName: string;
  recordedAt: string;
}

/** R-SCOPE: the lines outside the restricted payment scope of a dispensing and their consents. */
export interface ScopeConsentsView {
  dispensingId: number;
  outOfScope: Array<{ lineNo: number; medListCodg: string; name: string; consented: boolean }>;
  consents: ScopeConsentView[];
}
