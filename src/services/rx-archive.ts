import { AppError } from '../domain/errors';
import type { PrescriptionCheck, StoredPrescription } from '../store/prescription-repository';

/** Fields of a 7204 reply's `data` that the center issues per download, not per prescription. */
const PER_DOWNLOAD_DATA = ['epc_token', 'rx_stas_codg', 'rx_stas_name'] as const;

/** The prescription as the hospital issued it: what the archive keeps and a re-download must repeat. */
function archivedContent(p: StoredPrescription): string {
  const reply = p.reply as { data?: Record<string, unknown> };
  const data = { ...(reply.data ?? {}) };
  for (const key of PER_DOWNLOAD_DATA) delete data[key];
  return JSON.stringify([
    p.hiRxno,
    p.rxTraceCode,
    p.fixmedinsCode,
    p.fixmedinsName,
    p.patientName,
    p.certno,
    p.prscTime,
    { ...reply, data },
    p.rxFile.toString('base64'),
  ]);
}

/** What a re-download records on the archived prescription (all migration 21 lets change). */
export function checkOf(p: StoredPrescription): PrescriptionCheck {
  return {
    statusCodg: p.statusCodg,
    statusName: p.statusName,
    epcToken: p.epcToken,
    localValid: p.localValid,
    localCode: p.localCode,
    localReason: p.localReason,
    certInfo: p.certInfo,
    alteredFields: p.alteredFields,
    centerState: p.centerState,
    centerMessage: p.centerMessage,
    rxSignVerifySn: p.rxSignVerifySn,
    verification: p.verification,
    checkedAt: p.checkedAt,
  };
}

/**
 * R-KEEP: a re-download never replaces the archived prescription. The same prescription again
 * yields the archive with the new check; different content under the same number is refused.
 */
export function redownloaded(
  archived: StoredPrescription,
  fresh: StoredPrescription,
): StoredPrescription {
  if (archivedContent(archived) !== archivedContent(fresh)) {
    throw new AppError(
      'CONFLICT',
      `医保中心返回的处方 ${fresh.hiRxno} 与本机存档的内容不一致：存档处方保持原样，未被覆盖。请联系开方医院核实后再调剂`,
      { ruleId: 'R-KEEP' },
    );
  }
  return { ...archived, ...checkOf(fresh) };
}
