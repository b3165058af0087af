import { AppError } from '../errors';

/** A settlement lookup covers at most this many days (a quarter: a patient back within the refund window). */
export const MAX_LOOKUP_DAYS = 92;

/**
 * What the counter typed to find a patient's settlements: the last digits of the ID number (as
 * the masked receipt shows them), or the name, where `*` stands for one masked character
 * (李*明, as the receipt prints it).
 */
export type PatientTerm = { kind: 'certTail'; digits: string } | { kind: 'name'; pattern: string };

const CERT_TAIL = /^[0-9]{3,5}[0-9Xx]$/;
const NAME = /^[\p{Script=Han}·*A-Za-z]{1,20}$/u;

export function patientTerm(raw: string): PatientTerm {
  const text = raw.trim();
  if (CERT_TAIL.test(text)) return { kind: 'certTail', digits: text.toUpperCase() };
  if (NAME.test(text) && /[^*]/.test(text)) return { kind: 'name', pattern: text };
  throw new AppError('VALIDATION', '请输入参保人姓名（可含 * 号，如 李*明）或身份证号后 4–6 位', {
    ruleId: 'R-REVERSE',
  });
}

/** The name as an SQL LIKE pattern: `*` is one masked character; LIKE's own wildcards are escaped. */
export function nameLikePattern(pattern: string): string {
  return pattern.replace(/[\\%_]/g, (c) => `\\${c}`).replace(/\*/g, '_');
}
