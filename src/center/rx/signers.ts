import { parseDateTime } from '../clock';
import type { SignedField, SignedPayload } from './rx-file';
import { SIGNED_FIELD_LABELS } from './signed-field-labels';

/** Who must have signed (R-SIGNERS): the insurance physician and the hospital's reviewing pharmacist. */
const SIGNER_FIELDS = [
  'drCode',
  'prscDrName',
  'pharCode',
  'pharName',
] as const satisfies readonly SignedField[];

/**
 * The signer fields of a signed prescription that are empty, and a review time that is not a
 * real `yyyy-MM-dd HH:mm:ss`, as Chinese labels; empty when both signatures are there.
 */
export function missingSigners(payload: SignedPayload): string[] {
  const missing: string[] = SIGNER_FIELDS.filter((f) => payload[f].trim() === '').map(
    (f) => SIGNED_FIELD_LABELS[f],
  );
  if (!parseDateTime(payload.pharChkTime.trim())) {
    missing.push(
      payload.pharChkTime.trim() === ''
        ? SIGNED_FIELD_LABELS.pharChkTime
        : `${SIGNED_FIELD_LABELS.pharChkTime}（“${payload.pharChkTime}”不是有效时间）`,
    );
  }
  return missing;
}
