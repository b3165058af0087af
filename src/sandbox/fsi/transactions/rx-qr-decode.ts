import { EPC_QR_PREFIX } from '../../../center/rx/fsi-72xx';
import { RX_STATUS } from '../../../center/rx/rx-status';
import { Refusal } from '../../refusal';
import { findRxByTraceCode } from '../../rx/rx-store';
import { type FsiTransaction, inputData, requireField } from '../context';
import { issueEpcToken } from '../rx-access';

/**
 * 7201 电子处方二维码解码: `epc_qrcd` = `EPCQR01` + rxTraceCode (27 characters) → an epc_token
 * for this pharmacy and who the prescription is for. The status is not judged here: 7203/7204
 * answer it (R-STATUS).
 */
export const rxQrDecode7201: FsiTransaction = {
  name: '电子处方二维码解码',
  requiresSignIn: true,
  run(ctx) {
    const qr = requireField(inputData(ctx), 'epc_qrcd', '电子处方二维码');
    if (qr.length !== 27 || !qr.startsWith(EPC_QR_PREFIX)) {
      throw new Refusal(`电子处方二维码格式不正确：应为 ${EPC_QR_PREFIX} 加 20 位处方追溯码`);
    }
    const row = findRxByTraceCode(ctx.db, qr.slice(EPC_QR_PREFIX.length));
    if (!row || row.rx_stas_codg === RX_STATUS.prechecked.codg || row.upld_time === null) {
      throw new Refusal('未查询到电子处方：二维码无效或处方尚未上传');
    }
    const patient = ctx.db
      .prepare('SELECT insuplc_admdvs FROM patients WHERE psn_no = ?')
      .get(row.psn_no) as { insuplc_admdvs: string } | undefined;
    return {
      output: {
        data: {
          epc_token: issueEpcToken(ctx, row.hi_rxno),
          hi_rxno: row.hi_rxno,
          cert_type: row.psn_cert_type,
          name: row.patn_name,
          certno: row.certno,
          insuplc_admdvs: patient?.insuplc_admdvs ?? '',
        },
      },
    };
  },
};
