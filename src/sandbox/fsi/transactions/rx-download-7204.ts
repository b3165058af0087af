import { institutionCertBySerial } from '../../ca/institution-certs';
import { Refusal } from '../../refusal';
import { type FsiTransaction, inputData } from '../context';
import { downloadOutput, resolveDownload } from '../rx-access';

/**
 * 7204 电子处方下载（含版式文件与签名）: 7203 plus the layout file, originalValue, the signature
 * and the institution's certificate (`x_sign_cert`, Base64 DER) for local verification (R-SIGN).
 */
export const rxDownload7204: FsiTransaction = {
  name: '电子处方下载（含版式文件与签名）',
  requiresSignIn: true,
  run(ctx) {
    const { row, token } = resolveDownload(ctx, inputData(ctx));
    const out = downloadOutput(ctx, row, token);
    const cert = row.sign_cert_sn ? institutionCertBySerial(ctx.db, row.sign_cert_sn) : null;
    if (!row.rx_file || !row.original_value || !row.sign_digest || !cert) {
      throw new Refusal('电子处方缺少版式文件或电子签名');
    }
    return {
      output: {
        ...out,
        data: {
          ...out.data,
          rx_file: row.rx_file.toString('base64'),
          originalValue: row.original_value,
          signDigest: row.sign_digest,
          signCertSn: cert.serial_hex,
          signCertDn: cert.subject_dn,
          x_sign_cert: Buffer.from(cert.cert_der).toString('base64'),
        },
      },
    };
  },
};
