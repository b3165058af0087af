/** EAN-13 bar pattern (GS1 General Specifications §5.2.1): one '1' or '0' per module, 95 modules. */
const L = [
  '0001101',
  '0011001',
  '0010011',
  '0111101',
  '0100011',
  '0110001',
  '0101111',
  '0111011',
  '0110111',
  '0001011',
];
const PARITY = [
  'LLLLLL',
  'LLGLGG',
  'LLGGLG',
  'LLGGGL',
  'LGLLGG',
  'LGGLLG',
  'LGGGLL',
  'LGLGLG',
  'LGLGGL',
  'LGGLGL',
];

const invert = (bits: string) => [...bits].map((b) => (b === '1' ? '0' : '1')).join('');
const rCode = (d: number) => invert(L[d] ?? '');
const gCode = (d: number) => [...rCode(d)].reverse().join('');

export function ean13Modules(code: string): string {
  if (!/^\d{13}$/.test(code)) throw new RangeError('EAN-13 needs 13 digits');
  const digits = [...code].map(Number);
  const parity = PARITY[digits[0] ?? 0] ?? PARITY[0];
  const left = digits
    .slice(1, 7)
    .map((d, i) => (parity?.[i] === 'G' ? gCode(d) : (L[d] ?? '')))
    .join('');
  const right = digits.slice(7).map(rCode).join('');
  return `101${left}01010${right}101`;
}
