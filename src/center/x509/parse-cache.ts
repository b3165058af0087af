import { LruCache } from './cache';
import { parseCertificate, type Sm2Certificate, sha256Hex } from './certificate';
import { type ParsedCrl, parseCrl } from './crl';

/*
 * The trust store's CA certificates and the cached CRL are read again for every prescription;
 * a CRL of thousands of entries costs far more to parse than to fingerprint. Parse failures are
 * not cached (they throw every time).
 */
const certificates = new LruCache<Sm2Certificate>(256);
const crls = new LruCache<ParsedCrl>(16);

export function parseCertificateCached(der: Uint8Array): Sm2Certificate {
  const fp = sha256Hex(der);
  let cert = certificates.get(fp);
  if (!cert) {
    cert = parseCertificate(der);
    certificates.set(fp, cert);
  }
  return cert;
}

export function parseCrlCached(der: Uint8Array): ParsedCrl {
  const fp = sha256Hex(der);
  let crl = crls.get(fp);
  if (!crl) {
    crl = parseCrl(der);
    crls.set(fp, crl);
  }
  return crl;
}
