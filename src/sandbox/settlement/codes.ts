/**
 * Code values the sandbox chose where the public record is silent (docs/sandbox.md,
 * 「结算与上传：代码表」). One table, no scattered literals.
 */
export const SETTLEMENT_CODES = {
  /** settlements.stas */
  setlStas: { settled: '1', reversed: '2', voided: '3' },
  /** 2601 output x_rvs_rslt */
  rvsRslt: {
    undone: '1',
    neverArrived: '2',
    originalRefused: '3',
    alreadyUndone: '4',
  },
  /** chrgitm_lv: 01 甲类, 02 乙类, 03 丙类（目录外，全自费） */
  chrgitmLv: { a: '01', b: '02', c: '03' },
  /** med_chrgitm_type: 09 西药费, 14 其他费 */
  medChrgitmType: { drug: '09', other: '14' },
  /** fund_pay_type of the pooling fund per insutype */
  poolFund: {
    '310': { code: '310100', name: '职工基本医疗保险统筹基金' },
    '390': { code: '390100', name: '城乡居民基本医疗保险基金' },
  } as Readonly<Record<string, { code: string; name: string }>>,
  /** med_type accepted by 2101/2102: 41 定点药店购药, 11 普通门诊, 14 门诊慢特病（门特/门慢） */
  medTypes: ['41', '11', '14'] as readonly string[],
  /** med_type of a 门特/门慢 prescription: it settles as such, with its disease (R-MT-SETTLE) */
  chronicSpecialMedType: '14',
  /** hosp_appr_flag: 0 无须审批, 1 审批通过（限定支付范围内）, 2 审批不通过（超范围，全自费） */
  hospApprFlag: { none: '0', approved: '1', outOfScope: '2' },
  /** 7207 payMode: 1 自费, 2 医保, 3 混合 */
  payMode: { selfPay: '1', insured: '2', mixed: '3' },
  /** sales_outbound.stas (7207/7208) and inventory_uploads liveness */
  saleStas: { live: '1', cancelled: '2' },
  /** trdn_flag: 0 整盒, 1 拆零 */
  trdnFlag: { whole: '0', split: '1' },
  /** 3507 inv_data_type → the infno whose record it deletes */
  invDataType: {
    '1': '3501',
    '2': '3502',
    '3': '3503',
    '4': '3504',
    '5': '3505',
    '6': '3506',
  } as Readonly<Record<string, string>>,
  /** 3505 mdtrt_setl_type: 1 医保结算, 2 自费 */
  mdtrtSetlType: { insured: '1', selfPay: '2' },
  /** clr_way 1 按项目, clr_type 41 定点药店 (clr_optins = the pool area's division) */
  clearing: { clrWay: '1', clrType: '41' },
} as const;
