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
  return {
    ...signedMaterial(reply.data, reply.rxdrugdetail, p.rxFile.toString('base64')),
    hi_rxno: p.hiRxno,
    fixmedins_code: p.fixmedinsCode,
    fixmedins_name: p.fixmedinsName,
    prsc_time: p.prscTime,
    x_downloaded_at: new Date(p.downloadedAt).toISOString(),
    x_verification: p.verification,
  };
}

/** The parts of a 7204 reply the signature covers, in the shape verification reads. */
export function signedMaterial(
  data: Record<string, unknown>,
  rxdrugdetail: Array<Record<string, unknown>>,
  rxFileBase64: string,
): RxFile {
  return {
    originalValue: String(data.originalValue),
    signDigest: String(data.signDigest),
    signCertSn: String(data.signCertSn),
    signCertDn: String(data.signCertDn),
    x_sign_cert: String(data.x_sign_cert),
    rxdrugdetail,
    rx_file: rxFileBase64,
  };
}
