import { dateOnly } from '../../../center/clock';
import { findPatientByCert } from '../../patients';
import { Refusal } from '../../refusal';
import { type FsiTransaction, field, inputData, requireField } from '../context';

interface InsuranceRow {
  insutype: string;
  psn_type: string;
  psn_insu_stas: string;
  psn_insu_date: string;
  paus_insu_date: string | null;
  cvlserv_flag: string;
  balc_fen: number;
  emp_name: string;
  insuplc_admdvs: string;
}

interface IdentityRow {
  psn_idet_type: string;
  psn_type_lv: string;
  memo: string;
  begntime: string;
  endtime: string;
}

function ageOn(birthday: string, today: string): number {
  const [by, bm, bd] = birthday.split('-').map(Number);
  const [ty, tm, td] = today.split('-').map(Number);
  if (!by || !bm || !bd || !ty || !tm || !td) return 0;
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

/** 1101 人员信息获取 (research §3.1). */
export const personInfo1101: FsiTransaction = {
  name: '人员信息获取',
  requiresSignIn: true,
  run(ctx) {
    const data = inputData(ctx);
    const certType = requireField(data, 'mdtrt_cert_type', '就诊凭证类型');
    const certNo = field(data, 'mdtrt_cert_no') || (certType === '02' ? field(data, 'certno') : '');
    const p = findPatientByCert(ctx.db, certType, certNo, field(data, 'card_sn'));
    const psnName = field(data, 'psn_name');
    if (psnName !== '' && psnName !== p.psn_name) throw new Refusal('人员姓名与证件信息不符');

    const insurances = ctx.db
      .prepare('SELECT * FROM patient_insurances WHERE psn_no = ? ORDER BY insutype')
      .all(p.psn_no) as InsuranceRow[];
    const identities = ctx.db
      .prepare('SELECT * FROM patient_identities WHERE psn_no = ? ORDER BY id')
      .all(p.psn_no) as IdentityRow[];
    return {
      output: {
        baseinfo: {
          psn_no: p.psn_no,
          psn_cert_type: p.psn_cert_type,
          certno: p.certno,
          psn_name: p.psn_name,
          gend: p.gend,
          naty: p.naty,
          brdy: p.brdy,
          age: ageOn(p.brdy, dateOnly(ctx.now)),
        },
        insuinfo: insurances.map((i) => ({
          balc: i.balc_fen / 100,
          insutype: i.insutype,
          psn_type: i.psn_type,
          psn_insu_stas: i.psn_insu_stas,
          psn_insu_date: i.psn_insu_date,
          paus_insu_date: i.paus_insu_date,
          cvlserv_flag: i.cvlserv_flag,
          insuplc_admdvs: i.insuplc_admdvs,
          emp_name: i.emp_name,
        })),
        idetinfo: identities.map((d) => ({
          psn_idet_type: d.psn_idet_type,
          psn_type_lv: d.psn_type_lv,
          memo: d.memo,
          begntime: d.begntime,
          endtime: d.endtime,
        })),
      },
    };
  },
};
