/** Masking of personal data for screens and logs that do not need it in full. */

export function maskIdNumber(id: string): string {
  if (id.length <= 8) return '*'.repeat(id.length);
  return `${id.slice(0, 4)}${'*'.repeat(id.length - 8)}${id.slice(-4)}`;
}

export function maskName(name: string): string {
  const chars = [...name];
  if (chars.length <= 1) return name;
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

export function maskPhone(phone: string): string {
  if (phone.length < 7) return '*'.repeat(phone.length);
  return `${phone.slice(0, 3)}****${phone.slice(-4)}`;
}

/** For logs: keeps the first and last 4 characters of a token so support can correlate. */
export function maskToken(token: string): string {
  if (token.length <= 10) return '*'.repeat(token.length);
  return `${token.slice(0, 4)}…${token.slice(-4)}`;
}

/** A delivery address on screens that only need to recognise it: the first 6 characters. */
export function maskAddress(address: string): string {
  const chars = [...address.trim()];
  if (chars.length <= 6) return '*'.repeat(chars.length);
  return `${chars.slice(0, 6).join('')}${'*'.repeat(Math.min(8, chars.length - 6))}`;
}
