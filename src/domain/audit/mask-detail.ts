import { maskIdNumber, maskPhone } from '../mask';

/** 18-digit (or 15-digit) ID numbers and 11-digit mobile numbers inside free text. */
const ID_NUMBER = /(?<![0-9A-Za-z])(\d{17}[\dXx]|\d{15})(?![0-9A-Za-z])/g;
const MOBILE = /(?<!\d)(1[3-9]\d{9})(?!\d)/g;

/** Masks ID and phone numbers wherever they occur in a string (e.g. a refusal message). */
export function maskFreeText(text: string): string {
  return text.replace(ID_NUMBER, (m) => maskIdNumber(m)).replace(MOBILE, (m) => maskPhone(m));
}

/**
 * A detail object safe to keep for ever: strings pass through maskFreeText, anything that is not
 * plain JSON (undefined, functions, non-finite numbers) is dropped, depth and length are bounded.
 */
export function maskDetail(value: Record<string, unknown>): Record<string, unknown> {
  return clean(value, 0) as Record<string, unknown>;
}

function clean(value: unknown, depth: number): unknown {
  if (value === null || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string') return maskFreeText(value.slice(0, 500));
  if (depth > 4 || typeof value !== 'object') return null;
  if (Array.isArray(value)) return value.slice(0, 50).map((v) => clean(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (v === undefined || typeof v === 'function' || typeof v === 'symbol') continue;
    out[k] = clean(v, depth + 1);
  }
  return out;
}
