/**
 * Code values of the settlement area, one table (center-protocol §4: unknown code values are
 * ours to choose; the center's are in docs/sandbox.md「结算与上传：代码表」).
 */
export const SETTLE_CODES = {
  /** med_type 41 定点药店购药 */
  medType: '41',
  /** med_type 14 门诊慢特病: a 门特/门慢 prescription settles as such (R-MT-SETTLE) */
  chronicSpecialMedType: '14',
  /**
   * med_type 21 普通住院: a prescription of an inpatient stay; its dual-channel drugs settle with
   * the stay, not at the pharmacy (R-MT-SETTLE, D41)
   */
  inpatientMedType: '21',
  /** hosp_appr_flag: 0 无须审批, 1 审批通过, 2 审批不通过（超限定支付范围，患者自付）(R-SCOPE) */
  hospApprFlag: { none: '0', approved: '1', outOfScope: '2' },
  /** Our code for a delivery fee line: outside the catalog, so never paid by the fund (R-NONCOVERED). */
  deliveryFeeCode: 'X-DELIVERY-FEE',
  deliveryFeeName: '配送费',
  /** 7207 payMode: 1 自费 (no settlement, D45), 2 医保, 3 混合 (fund plus cash) */
  payMode: { selfPay: '1', insured: '2', mixed: '3' },
  /** 3505 mdtrt_setl_type: 1 医保结算, 2 自费 */
  mdtrtSetlType: { insured: '1', selfPay: '2' },
  /** rx_flag: 1 处方药, 0 非处方药 or non-drug goods; per drug from the catalog (R-GSP-RX) */
  rxFlag: { rx: '1', otc: '0' },
  trdnFlag: { whole: '0', split: '1' },
  /** Pooling-fund insutypes a pharmacy settles, preferred in this order. */
  insutypes: ['310', '390'],
} as const;
