import { compactTime, dateTime } from '../../../center/clock';
import { sm2VerifyFast } from '../../../center/crypto';
import { parseCertificate, parseCrl, verifyCertificateChain } from '../../../center/x509';
import { currentCrl } from '../../ca/crl-store';
import { institutionCertBySerial } from '../../ca/institution-certs';
import { sandboxCa } from '../../ca/sandbox-ca';
import { nextCounter } from '../../db';
import { findHospital } from '../../hospitals';
import { Refusal } from '../../refusal';
import { effectiveStatus } from '../../rx/rx-store';
import { type FsiTransaction, inputData, requireField } from '../context';
import { rxByToken } from '../rx-access';

type CertStas = '1' | '2' | '3';

/**
 * 7205 电子处方签名核验 (R-SIGN, ST-EPC-02-008): checks the signature the pharmacy holds against
 * the center's record, the signature over originalValue, and the certificate (chain to the
 * sandbox CA, validity, CRL). `vrf_rslt` 0 with `cert_stas` 2 (revoked) / 3 (expired) blocks
 * review and settlement. Certificates are judged in real time (the CA ignores the sandbox clock).
 */
export const rxSignVerify7205: FsiTransaction = {
  name: '电子处方签名核验',
  requiresSignIn: true,
  run(ctx) {
    const data = inputData(ctx);
    const hiRxno = requireField(data, 'hi_rxno', '医保处方编号');
    const row = rxByToken(ctx, requireField(data, 'epc_token', '电子处方令牌'));
    if (row.hi_rxno !== hiRxno) throw new Refusal('电子处方令牌与医保处方编号不对应');
    const signDigest = requireField(data, 'sign_digest', '签名值');
    const signCertSn = requireField(data, 'sign_cert_sn', '签名证书序列号');
    const cert = row.sign_cert_sn ? institutionCertBySerial(ctx.db, row.sign_cert_sn) : null;
    if (!cert || !row.original_value || !row.sign_digest) {
      throw new Refusal('电子处方没有电子签名，无法核验');
    }
    const parsed = parseCertificate(cert.cert_der);
    const now = new Date();
    const chain = verifyCertificateChain(parsed, {
      trustedCas: [sandboxCa(ctx.config).cert],
      crls: [parseCrl(currentCrl(ctx.db, ctx.config, now.getTime()))],
      at: now,
    });
    let certStas: CertStas = '1';
    let message = '验签通过';
    if (signCertSn.toUpperCase() !== cert.serial_hex) message = '签名证书序列号与中心存档不一致';
    else if (signDigest !== row.sign_digest) message = '签名值与中心存档不一致';
    else if (
      !sm2VerifyFast(Buffer.from(row.original_value, 'base64'), signDigest, parsed.publicKey)
    )
      message = '签名值验证失败：原始值可能被篡改';
    if (!chain.ok) {
      certStas = chain.code === 'REVOKED' ? '2' : chain.code === 'EXPIRED' ? '3' : '1';
      message = message === '验签通过' ? chain.message : `${message}；${chain.message}`;
    }
    const ok = message === '验签通过';
    const sn = `${ctx.config.fsi.centerAdmdvs}${compactTime(ctx.now)}${String(nextCounter(ctx.db, 'rx_sign_verify_sn')).padStart(10, '0')}`;
    ctx.db
      .prepare(
        `INSERT INTO rx_sign_verifications (rx_sign_verify_sn, hi_rxno, fixmedins_code, vrf_rslt, cert_stas, created_at)
         VALUES (?, ?, ?, ?, ?, ?)`,
      )
      .run(sn, hiRxno, ctx.request.fixmedins_code, ok ? '1' : '0', certStas, now.getTime());
    const status = effectiveStatus(row, ctx.now);
    return {
      output: {
        data: {
          rx_sign_verify_sn: sn,
          vrf_rslt: ok ? '1' : '0',
          vrf_msg: message,
          sign_cert_sn: cert.serial_hex,
          sign_cert_dn: cert.subject_dn,
          cert_begntime: dateTime(new Date(cert.not_before)),
          cert_endtime: dateTime(new Date(cert.not_after)),
          cert_stas: certStas,
          fixmedins_code: row.fixmedins_code,
          fixmedins_name: findHospital(ctx.config, row.fixmedins_code)?.fixmedinsName ?? '',
          rx_stas_codg: status.codg,
          rx_stas_name: status.name,
        },
      },
    };
  },
};
