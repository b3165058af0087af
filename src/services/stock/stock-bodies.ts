import type { ColdChainRecord } from '../../domain/stock/cold-chain';
import { coldChainMemo } from '../../domain/stock/cold-chain';
import { drugtracinfo } from './pack-codes';

/** The drug and batch every 35xx record names ("…drug" in docs/sandbox.md). */
export interface BatchRef {
  medListCodg: string;
  name: string;
  batchNo: string;
  expiry: string;
  /** rx_flag from the catalog's prescription class (R-GSP-RX). */
  rxFlag: '1' | '0';
}

export interface Purchase {
  supplierName: string;
  supplierPermitNo: string;
  invoiceNo?: string | undefined;
  deliveryNo?: string | undefined;
  manufactureDate: string;
  /** Final unit price per pack, yuan. */
  unitPrice: number;
  prodentpName: string;
  aprvno: string;
  /** A cold-chain drug's storage record (R-SUPPLY), stated in the memo. */
  coldChain: ColdChainRecord | null;
}

function drugFields(b: BatchRef) {
  return {
    med_list_codg: b.medListCodg,
    fixmedins_hilist_id: b.medListCodg,
    fixmedins_hilist_name: b.name,
    fixmedins_bchno: b.batchNo,
  };
}

const optional = (name: string, value: string | undefined) => (value ? { [name]: value } : {});

/** 3503 商品采购: one received batch with its packs' codes (R-STOCK) and supplier licence (R-SUPPLY). */
export function input3503(
  b: BatchRef,
  p: Purchase,
  codes: readonly string[],
  packs: number,
  at: string,
  opter: string,
) {
  return {
    purcinfo: {
      ...drugFields(b),
      spler_name: p.supplierName,
      spler_pmtno: p.supplierPermitNo,
      ...optional('purc_invce_no', p.invoiceNo),
      ...optional('dynt_no', p.deliveryNo),
      manu_lotnum: b.batchNo,
      manu_date: p.manufactureDate,
      expy_end: b.expiry,
      finl_trns_pric: p.unitPrice,
      purc_retn_cnt: packs,
      purc_retn_stoin_time: at,
      ...optional('prodentp_name', p.prodentpName),
      ...optional('aprvno', p.aprvno),
      purc_retn_opter_name: opter,
      ...optional('memo', p.coldChain ? coldChainMemo(p.coldChain) : undefined),
      drugtracinfo: drugtracinfo(codes),
    },
  };
}

/** 3504 采购退货: packs of a batch sent back to its supplier, with their codes (R-STOCK). */
export function input3504(
  b: BatchRef,
  r: {
    supplierName: string;
    supplierPermitNo?: string | undefined;
    unitPrice: number;
    reason: string;
  },
  codes: readonly string[],
  packs: number,
  at: string,
  opter: string,
) {
  return {
    purcinfo: {
      ...drugFields(b),
      spler_name: r.supplierName,
      ...optional('spler_pmtno', r.supplierPermitNo),
      manu_lotnum: b.batchNo,
      expy_end: b.expiry,
      finl_trns_pric: r.unitPrice,
      purc_retn_cnt: packs,
      purc_retn_stoin_time: at,
      purc_retn_opter_name: opter,
      memo: r.reason,
      drugtracinfo: drugtracinfo(codes),
    },
  };
}

/** 3502 库存信息变更: a loss, surplus or stocktake difference of one batch. */
export function input3502(
  b: BatchRef,
  c: {
    invChgType: string;
    unitPrice: number;
    packs: number;
    memo: string;
    codes: readonly string[];
  },
  at: string,
  opter: string,
) {
  return {
    invinfo: {
      ...(c.codes.length > 0 ? { drugtracinfo: drugtracinfo(c.codes) } : {}),
      ...drugFields(b),
      inv_chg_type: c.invChgType,
      pric: c.unitPrice,
      cnt: c.packs,
      rx_flag: b.rxFlag,
      inv_chg_time: at,
      trdn_flag: '0',
      inv_chg_opter_name: opter,
      manu_lotnum: b.batchNo,
      expy_end: b.expiry,
      memo: c.memo,
    },
  };
}
