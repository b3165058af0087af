import { EC_PASSWORD_FIELD } from '../../../center/rx/ec-password';
import { RX_STATUS } from '../../../center/rx/rx-status';
import { needsEcPassword } from '../../../domain/ec-voucher';
import { confirmEcPassword } from '../../ec-voucher';
import { findPatientByCert } from '../../patients';
import { effectiveStatus, type RxRow, rxViewOf } from '../../rx/rx-store';
import { type FsiTransaction, field, inputData, requireField } from '../context';
import { issueAuthRxno } from '../rx-access';

/**
 * 7202 电子处方查询: the patient's uploaded, not revoked prescriptions, found by e-voucher token
 * (01), ID number (02) or social-security card + card_sn (03) (R-AUTH), each with a fresh
 * single-use auth_rxno for this pharmacy. An ID number or card alone reveals nothing: the
 * person's e-voucher password (its SM3 in `x_ec_pwd_sm3`) must confirm it (ST-EPC-02-005).
 */
export const rxQuery7202: FsiTransaction = {
  name: '电子处方查询',
  requiresSignIn: true,
  run(ctx) {
    const data = inputData(ctx);
    const certType = requireField(data, 'mdtrt_cert_type', '就诊凭证类型');
    const patient = findPatientByCert(
      ctx.db,
      certType,
      field(data, 'mdtrt_cert_no'),
      field(data, 'card_sn'),
    );
    if (needsEcPassword(certType))
      confirmEcPassword(ctx.db, patient, field(data, EC_PASSWORD_FIELD));
    const rows = ctx.db
      .prepare(
        `SELECT * FROM epc_prescriptions WHERE psn_no = ? AND upld_time IS NOT NULL
           AND rx_stas_codg NOT IN (?, ?) ORDER BY upld_time DESC, hi_rxno DESC`,
      )
      .all(patient.psn_no, RX_STATUS.prechecked.codg, RX_STATUS.revoked.codg) as RxRow[];
    return {
      output: {
        rxlist: rows.map((row) => {
          const view = rxViewOf(ctx.db, row);
          const status = effectiveStatus(row, ctx.now);
          return {
            auth_rxno: issueAuthRxno(ctx, row.hi_rxno),
            hi_rxno: row.hi_rxno,
            fixmedins_code: view.data.fixmedins_code,
            fixmedins_name: view.data.fixmedins_name,
            prsc_time: view.data.prsc_time,
            dept_name: String(view.mdtrtinfo.prsc_dept_name ?? ''),
            diag_name: String(view.mdtrtinfo.maindiag_name ?? ''),
            valid_end_time: view.data.valid_end_time,
            rx_stas_codg: status.codg,
            rx_stas_name: status.name,
          };
        }),
      },
    };
  },
};
