import { maskIdNumber, maskPhone } from './mask';

export const ID_NUMBER = /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g;
export const MOBILE = /(?<!\d)1[3-9]\d{9}(?!\d)/g;
/** Long opaque strings (tokens, keys, e-voucher codes) in free text. */
const TOKEN = /(?<![0-9A-Za-z])[0-9A-Za-z_-]{24,}(?![0-9A-Za-z])/g;

/** Free text (an error message, a stack) with ID numbers, mobile numbers and tokens masked. */
export function maskFreeText(text: string): string {
  return text
    .replace(ID_NUMBER, (m) => maskIdNumber(m))
    .replace(MOBILE, (m) => maskPhone(m))
    .replace(TOKEN, (m) => `${m.slice(0, 4)}***`);
}
