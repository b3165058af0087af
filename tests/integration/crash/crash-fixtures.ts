/** Drugs and traceability codes shared by the crash test and its child process. */
const AMOXICILLIN = 'XJ01CAA040A001010100435';
const AMLODIPINE = 'XC08CAA010A001010201587';
const LORATADINE = 'XR06AXL020A001010101672';

/** Product prefix (7 digits) of each drug's 20-digit traceability code. */
const PRODUCT: Record<string, string> = {
  [AMOXICILLIN]: '8010371',
  [AMLODIPINE]: '8020741',
  [LORATADINE]: '8062221',
};

/** Prescribed in the loop (one pack each, so the demo stock lasts an episode). */
export const CRASH_DRUGS = [AMOXICILLIN, AMLODIPINE] as const;
/** Sold for cash in the loop. */
export const SELF_PAY_DRUG = LORATADINE;

/** A code no other run uses: the parent hands each run its own serial range. */
export function codeFor(medListCodg: string, serial: number): string {
  const prefix = PRODUCT[medListCodg];
  if (!prefix) throw new Error(`no product prefix for ${medListCodg}`);
  return `${prefix}${String(serial).padStart(13, '0')}`;
}
