import type { BulkVerifier } from '../../center/rx/bulk-verify';
import type { Out7204 } from '../../center/rx/fsi-72xx';
import { compareSignedFields, tamperedFieldsReason } from '../../center/rx/verify-rx';
import type { RxReverifyFailure } from '../../contract/types-reverify';
import type { StoredPrescription } from '../../store/prescription-repository';
import { toRxFile } from '../rx-export';

/**
 * R-SIGN: a stored prescription verified again as at download: its signature, certificate,
 * digests of the drug lines and layout file, and its archived fields against what was signed.
 * Null when it still verifies.
 */
export function checkStored(
  p: StoredPrescription,
  verifier: BulkVerifier,
): RxReverifyFailure | null {
  const named = { hiRxno: p.hiRxno, fixmedinsName: p.fixmedinsName };
  const verdict = verifier.verify(toRxFile(p));
  if (!verdict.valid)
    return { ...named, code: verdict.code, reason: verdict.reason, ruleId: verdict.ruleId };
  const altered = verdict.payload
    ? tamperedFieldsReason(compareSignedFields(verdict.payload, p.reply as Out7204))
    : null;
  return altered ? { ...named, code: 'FIELDS_ALTERED', reason: altered, ruleId: 'R-SIGN' } : null;
}
