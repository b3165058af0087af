import { beijingTime, normalizeSerialHex, type Sm2Certificate } from '../x509';
import type { RxCertSummary } from './verdict';

/**
 * signCertSn as systems write it: hex of either case, optional 0x, colons or spaces between
 * bytes, leading zeros. Null when it is not a serial at all.
 */
export function normalizeSignCertSn(sn: string): string | null {
  const compact = sn.trim().replace(/^0x/i, '').replace(/[:\s]/g, '');
  return compact ? normalizeSerialHex(compact) : null;
}

/**
 * A DN compared as a set of `TYPE=value` pairs: attribute order (RFC 4514 writes most specific
 * first, other tools the reverse), spaces around separators and the case of the attribute type
 * do not matter; values must be equal.
 */
export function dnKey(dn: string): string {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < dn.length; i++) {
    const ch = dn.charAt(i);
    if (ch === '\\' && i + 1 < dn.length) {
      current += ch + dn.charAt(++i);
    } else if (ch === ',' || ch === '+' || ch === ';') {
      parts.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  parts.push(current);
  return parts
    .map((p) => {
      const eq = p.indexOf('=');
      return eq < 0 ? p.trim() : `${p.slice(0, eq).trim().toUpperCase()}=${p.slice(eq + 1).trim()}`;
    })
    .filter((p) => p !== '')
    .sort()
    .join('\n');
}

export function certSummary(cert: Sm2Certificate): RxCertSummary {
  const attrs = cert.subject.flat();
  const cn = attrs.find((a) => a.type === 'CN')?.value;
  const o = attrs.find((a) => a.type === 'O')?.value;
  return {
    serial: cert.serialHex,
    subject: cert.subjectDn,
    issuer: cert.issuerDn,
    notBefore: beijingTime(cert.notBefore),
    notAfter: beijingTime(cert.notAfter),
    institution: cn ?? o ?? cert.subjectDn,
  };
}
