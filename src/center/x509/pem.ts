import { malformed } from './errors';

export type PemLabel = 'CERTIFICATE' | 'X509 CRL';

/** DER → PEM with 64-character lines, as OpenSSL writes it. */
export function toPem(der: Uint8Array, label: PemLabel = 'CERTIFICATE'): string {
  const lines =
    Buffer.from(der)
      .toString('base64')
      .match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

const BASE64_BODY_RE = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * The DER of the first PEM block with the label. Throws X509Error('MALFORMED') when there is no
 * such block or its body is not clean Base64 (Buffer's decoder would silently skip junk).
 */
export function fromPem(pem: string, label: PemLabel = 'CERTIFICATE'): Buffer {
  const begin = `-----BEGIN ${label}-----`;
  const start = pem.indexOf(begin);
  const end = start < 0 ? -1 : pem.indexOf(`-----END ${label}-----`, start);
  if (start < 0 || end < 0) throw malformed(`PEM: no ${label} block`);
  const body = pem.slice(start + begin.length, end).replace(/\s+/g, '');
  if (!BASE64_BODY_RE.test(body) || body.length % 4 !== 0) {
    throw malformed(`PEM: ${label} body is not Base64`);
  }
  return Buffer.from(body, 'base64');
}
