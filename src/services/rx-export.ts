import type { RxFile } from '../center/rx/rx-file';
import type { StoredPrescription } from '../store/prescription-repository';

/**
 * The verifiable prescription file (`*.rx.json`, center-protocol §3) of a stored download:
 * exactly the signed material as received, plus identifying keys that verification ignores.
 */
export function toRxFile(p: StoredPrescription): RxFile {
  const reply = p.reply as {
    data: Record<string, unknown>;
    rxdrugdetail: Array<Record<string, unknown>>;
  };
  const d = reply.data;
  return {
    originalValue: String(d.originalValue),
    signDigest: String(d.signDigest),
    signCertSn: String(d.signCertSn),
    signCertDn: String(d.signCertDn),
    x_sign_cert: String(d.x_sign_cert),
    rxdrugdetail: reply.rxdrugdetail,
    rx_file: p.rxFile.toString('base64'),
    hi_rxno: p.hiRxno,
    fixmedins_code: p.fixmedinsCode,
    fixmedins_name: p.fixmedinsName,
    prsc_time: p.prscTime,
    x_downloaded_at: new Date(p.downloadedAt).toISOString(),
    x_verification: p.verification,
  };
}
