import { dateOnly } from '../../center/clock';
import { SETTLEMENT_CODES } from './codes';
import type { Breakdown, LineSplit } from './compute';
import { yuan } from './money';
import type { PreparedSettlement } from './prepare';

function age(birthday: string, today: string): number {
  const [by = 0, bm = 0, bd = 0] = birthday.split('-').map(Number);
  const [ty = 0, tm = 0, td = 0] = today.split('-').map(Number);
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

/** The fund amounts of setlinfo (2102 and 2103 alike). */
export function fundAmounts(b: Breakdown) {
  return {
    hifp_pay: yuan(b.hifpFen),
    cvlserv_pay: 0,
    hifes_pay: 0,
    hifmi_pay: 0,
    hifob_pay: 0,
    maf_pay: 0,
    oth_pay: 0,
    fund_pay_sumamt: yuan(b.fundFen),
  };
}

function percent(bp: number): string {
  return `${bp / 100}%`;
}

function procInfo(p: PreparedSettlement): string {
  const { policy: pol, breakdown: b } = p;
  return [
    `${pol.region.name}${pol.insutypeName}门诊统筹`,
    `起付线 ${yuan(pol.deductibleFen).toFixed(2)} 元（本次计入 ${yuan(b.dedcFen).toFixed(2)}，剩余 ${yuan(b.dedcLeftAfterFen).toFixed(2)}）`,
    `支付比例 ${percent(pol.ratioBp)}`,
    `年度限额 ${yuan(pol.annualCapFen).toFixed(2)} 元（剩余 ${yuan(b.capLeftAfterFen).toFixed(2)}）`,
    ...(b.capExceedFen > 0 ? [`超出年度限额 ${yuan(b.capExceedFen).toFixed(2)} 元由个人负担`] : []),
  ].join('；');
}

function lineCut(l: LineSplit) {
  return {
    feedetl_sn: l.feedetlSn,
    med_list_codg: l.medListCodg,
    det_item_fee_sumamt: yuan(l.detFen),
    cnt: l.cntUnits / 10_000,
    pric: l.pricUnits / 10_000,
    pric_uplmt_amt: l.stdFen === null ? 0 : yuan(l.stdFen),
    selfpay_prop: l.selfpayBp / 10_000,
    fulamt_ownpay_amt: yuan(l.fulamtFen),
    overlmt_amt: yuan(l.overlmtFen),
    preselfpay_amt: yuan(l.preselfFen),
    inscp_scp_amt: yuan(l.inscpFen),
    chrgitm_lv: l.chrgitmLv,
    med_chrgitm_type: l.covered
      ? SETTLEMENT_CODES.medChrgitmType.drug
      : SETTLEMENT_CODES.medChrgitmType.other,
    list_sp_item_flag: '0',
  };
}

/** The 2101/2102 output: setlinfo, setldetail (fund by fund), detlcutinfo (line by line). */
export function settlementOutput(
  p: PreparedSettlement,
  ids: { setlId?: string; mdtrtId: string; setlTime: string; medinsSetlId: string },
  now: Date,
) {
  const { breakdown: b, patient, insurance, req } = p;
  const fund = SETTLEMENT_CODES.poolFund[req.insutype];
  return {
    setlinfo: {
      ...(ids.setlId ? { setl_id: ids.setlId } : {}),
      mdtrt_id: ids.mdtrtId,
      psn_no: patient.psn_no,
      psn_name: patient.psn_name,
      psn_cert_type: patient.psn_cert_type,
      certno: patient.certno,
      gend: patient.gend,
      brdy: patient.brdy,
      age: age(patient.brdy, dateOnly(now)),
      insutype: req.insutype,
      psn_type: insurance.psn_type,
      setl_time: ids.setlTime,
      mdtrt_cert_type: req.mdtrtCertType,
      med_type: req.medType,
      medfee_sumamt: yuan(b.medfeeFen),
      fulamt_ownpay_amt: yuan(b.fulamtFen),
      overlmt_selfpay: yuan(b.overlmtFen),
      preselfpay_amt: yuan(b.preselfFen),
      inscp_scp_amt: yuan(b.inscpFen),
      act_pay_dedc: yuan(b.dedcFen),
      pool_prop_selfpay: yuan(b.poolPropSelfpayFen),
      ...fundAmounts(b),
      psn_part_amt: yuan(b.psnPartFen),
      acct_pay: yuan(b.acctFen),
      psn_cash_pay: yuan(b.cashFen),
      balc: yuan(b.balanceAfterFen),
      acct_mulaid_pay: 0,
      medins_setl_id: ids.medinsSetlId,
      clr_optins: insurance.insuplc_admdvs,
      clr_way: SETTLEMENT_CODES.clearing.clrWay,
      clr_type: SETTLEMENT_CODES.clearing.clrType,
    },
    setldetail: fund
      ? [
          {
            fund_pay_type: fund.code,
            fund_pay_type_name: fund.name,
            inscp_scp_amt: yuan(b.inscpFen),
            crt_payb_lmt_amt: yuan(b.capLeftAfterFen),
            fund_payamt: yuan(b.hifpFen),
            setl_proc_info: procInfo(p),
          },
        ]
      : [],
    detlcutinfo: b.lines.map(lineCut),
  };
}
