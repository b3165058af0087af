/**
 * What was typed or scanned into the lookup field: a 结算ID (long letters/digits, as the receipt
 * prints it), else a patient (name, 李*明, or the ID number's last digits) with the period.
 */
export type LookupInput = { setlId: string } | { patient: string; from: string; to: string };

const SETL_ID = /^[0-9A-Za-z-]{10,64}$/;

export function lookupInputOf(text: string, from: string, to: string): LookupInput {
  const t = text.trim();
  return SETL_ID.test(t) ? { setlId: t } : { patient: t, from, to };
}
