import { describe, expect, it } from 'vitest';
import {
  MAX_CERTIFICATE_BYTES,
  parseCertificate,
  parseCrl,
  verifyCertificateChain,
  verifyCrl,
  X509Error,
} from '../../../src/center/x509';
import { createPkiFixture } from '../../support/pki';

/*
 * Hostile bytes: every truncation, random bit flips, random garbage and crafted headers.
 * The parsers must end with a parsed object or an X509Error (never another exception, never a
 * hang), and a mutated certificate or CRL must never pass a signature check.
 */

const f = createPkiFixture();
const options = { trustedCas: [f.ca.cert], crls: [f.crls.fresh.crl], at: f.now };

/** Small deterministic PRNG (mulberry32) so a failure can be replayed. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Runs `parse`; returns the parsed value or null for an X509Error, rethrows anything else. */
function tryParse<T>(parse: () => T, label: string): T | null {
  try {
    return parse();
  } catch (e) {
    if (e instanceof X509Error) return null;
    throw new Error(`${label}: ${(e as Error)?.constructor?.name} ${(e as Error)?.message}`);
  }
}

function flip(bytes: Uint8Array, rand: () => number): Buffer {
  const copy = Buffer.from(bytes);
  const flips = 1 + Math.floor(rand() * 3);
  for (let i = 0; i < flips; i++) {
    const pos = Math.floor(rand() * copy.length);
    copy[pos] = (copy[pos] ?? 0) ^ (1 << Math.floor(rand() * 8));
  }
  return copy;
}

/** `depth` SEQUENCEs, each holding the next, with correct DER lengths. */
function nested(depth: number): Buffer {
  let inner = Buffer.alloc(0);
  for (let i = 0; i < depth; i++) {
    const n = inner.length;
    const len = n < 0x80 ? [n] : n < 0x100 ? [0x81, n] : [0x82, n >> 8, n & 0xff];
    inner = Buffer.concat([Buffer.from([0x30, ...len]), inner]);
  }
  return inner;
}

describe('malformed and truncated input', () => {
  it('every truncation of a certificate and of a CRL is a typed refusal [R-SIGN][ST-EPC-02-008]', () => {
    for (const der of [f.valid.der, f.ca.der]) {
      for (let len = 0; len < der.length; len++) {
        const cut = der.subarray(0, len);
        expect(tryParse(() => parseCertificate(cut), `cert[0,${len})`)).toBeNull();
        const r = verifyCertificateChain(cut, options);
        expect(r.ok ? 'OK' : r.code).toBe('MALFORMED');
      }
    }
    const crl = f.crls.fresh.der;
    for (let len = 0; len < crl.length; len++) {
      expect(tryParse(() => parseCrl(crl.subarray(0, len)), `crl[0,${len})`)).toBeNull();
    }
  });

  it('random bit flips never crash the parser and never verify [R-SIGN][ST-EPC-02-008]', () => {
    const rand = prng(20260301);
    let parsed = 0;
    for (let i = 0; i < 1500; i++) {
      const source = i % 2 ? f.valid.der : f.revokedAfterSigning.der;
      const mutated = flip(source, rand);
      const cert = tryParse(() => parseCertificate(mutated), `flip #${i}`);
      const r = verifyCertificateChain(mutated, options);
      if (cert) parsed++;
      expect(r.ok, `flip #${i} verified`).toBe(false);
      if (!r.ok) expect(typeof r.message).toBe('string');
    }
    expect(parsed).toBeGreaterThan(100); // many flips land in signed data and parse fine
  });

  it('random bit flips in a CRL never crash and never keep a valid signature [R-SIGN][ST-EPC-02-008]', () => {
    const rand = prng(7204);
    for (let i = 0; i < 800; i++) {
      const mutated = flip(f.crls.fresh.der, rand);
      const crl = tryParse(() => parseCrl(mutated), `crl flip #${i}`);
      if (crl) expect(verifyCrl(crl, f.ca.cert), `crl flip #${i}`).toBe(false);
    }
  });

  it('garbage and crafted headers end in MALFORMED quickly [R-SIGN][ST-EPC-02-008]', () => {
    const rand = prng(42);
    const inputs: Uint8Array[] = [
      new Uint8Array(0),
      Buffer.from([0x30, 0x84, 0xff, 0xff, 0xff, 0xff]), // 4 GiB claimed
      Buffer.from([0x30, 0x80, 0x00, 0x00]), // BER indefinite
      Buffer.concat([Buffer.from([0x30, 0x83, 0x0f, 0xff, 0xf9]), Buffer.alloc(0xffff9, 0x30)]), // 1 MiB of nested headers
      Buffer.alloc(MAX_CERTIFICATE_BYTES + 1, 0x30),
      Buffer.concat([f.valid.der, Buffer.from([0])]), // trailing byte
      Buffer.concat(Array.from({ length: 2000 }, () => Buffer.from([0x30, 0x00]))),
      nested(5000), // deeply nested SEQUENCEs, under the size limit
    ];
    for (let i = 0; i < 300; i++) {
      const len = Math.floor(rand() * 2000);
      const bytes = Buffer.alloc(len);
      for (let j = 0; j < len; j++) bytes[j] = Math.floor(rand() * 256);
      if (i % 3 === 0 && len > 4) bytes.set([0x30, 0x82, (len - 4) >> 8, (len - 4) & 0xff]);
      inputs.push(bytes);
    }
    for (const [i, bytes] of inputs.entries()) {
      expect(tryParse(() => parseCertificate(bytes), `garbage #${i}`)).toBeNull();
      expect(tryParse(() => parseCrl(bytes), `garbage crl #${i}`)).toBeNull();
      const r = verifyCertificateChain(bytes, options);
      expect(r.ok ? 'OK' : r.code).toBe('MALFORMED');
    }
  });

  it('non-bytes input is refused, not thrown [ARCH]', () => {
    const r = verifyCertificateChain('MIIB' as unknown as Uint8Array, options);
    expect(r.ok).toBe(false);
    expect(tryParse(() => parseCertificate('x' as unknown as Uint8Array), 'string')).toBeNull();
    expect(tryParse(() => parseCrl(null as unknown as Uint8Array), 'null')).toBeNull();
  });
});
