import { rxFlagOf } from '../../domain/catalog/rx-class';
import { yuanNumber } from '../../domain/money';
import { PAPER_RX_FORM, RX_FORM_FIELD } from '../../domain/paper/paper-rxno';
import { SETTLE_CODES } from '../../domain/settlement/settle-codes';
import { staySaleMemo } from '../../domain/settlement/stay-handover';
import type { PackGroup } from './pack-groups';

const price = (g: PackGroup) => g.priceUnits / 10_000;
const sum = (g: PackGroup) => yuanNumber(Math.round((g.count * g.priceUnits) / 100));
const trace = (g: PackGroup) => g.codes.map((c) => ({ drug_trac_codg: c }));
/**
 * The catalog's true prescription flag (R-GSP-RX). Only a prescription line can name a drug
 * outside the catalog (self-pay sells catalog goods only), so such a line counts as 处方药.
 */
const rxFlag = (g: PackGroup) => (g.drug ? rxFlagOf(g.drug.rxClass) : SETTLE_CODES.rxFlag.rx);

function drugFields(g: PackGroup) {
  return {
    med_list_codg: g.medListCodg,
    fixmedins_hilist_id: g.medListCodg,
    fixmedins_hilist_name: g.name,
    fixmedins_bchno: g.batchNo,
  };
}

export interface Pharmacist {
  certType: string;
  certno: string;
  name: string;
  pracCertNo: string;
}

export interface SettledSale {
  hiRxno: string;
  rxChkBizSn: string;
  setlId: string;
  mdtrtId: string;
  psnNo: string;
  fundFen: number;
  acctFen: number;
  cashFen: number;
  setlTime: string;
  docNo: string;
}

/** 7207 药品销售出库明细上传 (R-SALES-UP): the settled sale, one code per pack. */
export function input7207(s: SettledSale, phar: Pharmacist, groups: PackGroup[], at: string) {
  return {
    data: {
      hi_rxno: s.hiRxno,
      rx_chk_biz_sn: s.rxChkBizSn,
      setl_id: s.setlId,
      payMode: s.cashFen > 0 ? SETTLE_CODES.payMode.mixed : SETTLE_CODES.payMode.insured,
      phar_cert_type: phar.certType,
      phar_certno: phar.certno,
      phar_name: phar.name,
      phar_prac_cert_no: phar.pracCertNo,
      sel_retn_time: at,
      fund_pay_sumamt: yuanNumber(s.fundFen),
      psn_part_amt: yuanNumber(s.acctFen + s.cashFen),
      acct_pay: yuanNumber(s.acctFen),
      psn_cash_pay: yuanNumber(s.cashFen),
      setl_time: s.setlTime,
    },
    selinfo: selinfo7207(groups),
  };
}

/**
 * 7207 of a self-pay sale of an e-prescription (D45, R-SALES-UP): payMode 1 自费, no settlement,
 * the whole amount paid by the person; the center records the prescription as 已取药.
 */
export function input7207SelfPay(
  s: { hiRxno: string; rxChkBizSn: string; totalFen: number },
  phar: Pharmacist,
  groups: readonly PackGroup[],
  at: string,
) {
  return {
    data: {
      hi_rxno: s.hiRxno,
      rx_chk_biz_sn: s.rxChkBizSn,
      setl_id: '',
      payMode: SETTLE_CODES.payMode.selfPay,
      phar_cert_type: phar.certType,
      phar_certno: phar.certno,
      phar_name: phar.name,
      phar_prac_cert_no: phar.pracCertNo,
      sel_retn_time: at,
      fund_pay_sumamt: 0,
      psn_part_amt: yuanNumber(s.totalFen),
      acct_pay: 0,
      psn_cash_pay: yuanNumber(s.totalFen),
    },
    selinfo: selinfo7207(groups),
  };
}

function selinfo7207(groups: readonly PackGroup[]) {
  return groups.map((g) => ({
    ...drugFields(g),
    drug_genname: g.name,
    drug_prodname: g.drug?.prodname ?? '',
    drug_dosform: g.drug?.dosform ?? '',
    drug_spec: g.drug?.spec ?? '',
    aprvno: g.drug?.aprvno ?? '',
    manu_lotnum: g.batchNo,
    prdr_name: g.drug?.prdrName ?? '',
    expy_end: g.expiry,
    rx_flag: rxFlag(g),
    trdn_flag: g.trdnFlag,
    finl_trns_pric: price(g),
    bchno: g.batchNo,
    drugtracinfo: trace(g),
    sel_retn_cnt: g.count,
    drug_cnt_unit: g.unit,
    sumamt: sum(g),
  }));
}

export interface SaleRef {
  docNo: string;
  setlId: string | null;
  psnNo: string | null;
  /** The sale's prescription number (hi_rxno, or a paper prescription's rxno). */
  hiRxno: string | null;
  /** A paper prescription's sale: marked `x_rx_form: 'paper'` (src/domain/paper/paper-rxno.ts). */
  paper?: boolean;
  /**
   * Settled by the hospital with this stay (R-MT-SETTLE, D47): neither 医保结算 here (no setl_id)
   * nor 自费, so no mdtrt_setl_type; the memo names the stay.
   */
  stay?: { hospital: string; stayNo: string };
}

function settlementLink(ref: SaleRef) {
  if (ref.stay) {
    return { ...(ref.psnNo ? { psn_no: ref.psnNo } : {}), memo: staySaleMemo(ref.stay) };
  }
  if (ref.setlId === null) return { mdtrt_setl_type: SETTLE_CODES.mdtrtSetlType.selfPay };
  return {
    mdtrt_setl_type: SETTLE_CODES.mdtrtSetlType.insured,
    setl_id: ref.setlId,
    psn_no: ref.psnNo ?? '',
  };
}

/** 3505 商品销售 (R-STOCK): a settled prescription sale, a self-pay sale, or one settled with a stay. */
export function input3505(ref: SaleRef, groups: PackGroup[], at: string) {
  return {
    selinfo: groups.map((g) => ({
      ...drugFields(g),
      rx_flag: rxFlag(g),
      trdn_flag: g.trdnFlag,
      finl_trns_pric: price(g),
      sel_retn_cnt: g.count,
      sel_retn_time: at,
      rtal_docno: ref.docNo,
      mdtrt_sn: ref.docNo,
      ...settlementLink(ref),
      ...(ref.hiRxno ? { rxno: ref.hiRxno, rx_circ_flag: '1' } : {}),
      ...(ref.paper ? { [RX_FORM_FIELD]: PAPER_RX_FORM } : {}),
      manu_lotnum: g.batchNo,
      expy_end: g.expiry,
      drugtracinfo: trace(g),
    })),
  };
}

/** 7208: the prescription's live 7207 is cancelled at the center and its codes released. */
export function input7208(hiRxno: string, selSn: string | null, reason: string, at: string) {
  return {
    data: {
      hi_rxno: hiRxno,
      ...(selSn ? { x_sel_sn: selSn } : {}),
      sel_retn_time: at,
      memo: reason,
    },
  };
}

/** 3506 商品销售退货: the returned packs, their codes released at the center. */
export function input3506(docNo: string, groups: PackGroup[], at: string) {
  return {
    selinfo: groups.map((g) => ({
      ...drugFields(g),
      trdn_flag: g.trdnFlag,
      sel_retn_cnt: g.count,
      sel_retn_time: at,
      medins_prod_sel_no: docNo,
      drugtracinfo: trace(g),
    })),
  };
}
