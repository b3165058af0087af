import type { BulkVerifier } from '../../center/rx/bulk-verify';
import type { Out7204 } from '../../center/rx/fsi-72xx';
import { SIGNED_FIELD_LABELS } from '../../center/rx/signed-field-labels';
import { compareSignedFields } from '../../center/rx/verify-rx';
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
    ? compareSignedFields(verdict.payload, p.reply as Out7204).filter((c) => !c.equal)
    : [];
  if (altered.length === 0) return null;
  const fields = altered.map((c) => SIGNED_FIELD_LABELS[c.field]).join('、');
  return {
    ...named,
    code: 'FIELDS_ALTERED',
    reason: `存档的处方数据与医疗机构签名内容不符（${fields}），处方可能被篡改，不得审核或结算`,
    ruleId: 'R-SIGN',
  };
}
