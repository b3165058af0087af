import { describe, expect, it } from 'vitest';
import {
  createCrl,
  findRevocation,
  parseCrl,
  parseCrlCached,
  verifyCrl,
  X509Error,
} from '../../../src/center/x509';
import { createPkiFixture, resign } from '../../support/pki';

const f = createPkiFixture();
const DAY = 86_400_000;
const at = (days: number) => new Date(f.now.getTime() + days * DAY);

describe('CRLs we create', () => {
  it('round trip: issuer, dates, entries with reasons, CRL number, key id [R-SIGN][ST-EPC-02-008]', () => {
    const crl = f.crls.fresh.crl;
    expect(crl).toMatchObject({
      version: 2,
      issuerDn: f.ca.cert.subjectDn,
      authorityKeyIdHex: f.ca.cert.subjectKeyIdHex,
      signatureAlgorithmOid: '1.2.156.10197.1.501',
      unhandledCriticalExtensions: [],
    });
    expect(crl.thisUpdate.toISOString()).toBe(new Date(f.now.getTime() - 3_600_000).toISOString());
    expect(crl.nextUpdate?.toISOString()).toBe(at(7).toISOString());
    expect(crl.crlNumberHex).toBe((crl.thisUpdate.getTime() / 1000).toString(16).toUpperCase());
    expect([...crl.revoked.values()]).toEqual([
      { serialHex: '1004', revokedAt: at(-5), reason: 'keyCompromise' },
      { serialHex: '1005', revokedAt: at(-1), reason: 'affiliationChanged' },
    ]);
    expect(crl.signatureRaw).toHaveLength(64);
  });

  it('CRL numbers beyond 32 bits (the default is thisUpdate in seconds, past 2038 too) [R-SIGN]', () => {
    const make = (crlNumber?: bigint, thisUpdate = at(0)) =>
      parseCrl(
        createCrl({
          issuer: f.ca.cert,
          privateKey: f.ca.keyPair.privateKey,
          thisUpdate,
          nextUpdate: new Date(thisUpdate.getTime() + DAY),
          revoked: [],
          ...(crlNumber === undefined ? {} : { crlNumber }),
        }),
      ).crlNumberHex;
    expect(make(2n ** 40n)).toBe('010000000000');
    expect(make(0n)).toBe('00');
    expect(make(undefined, new Date('2040-01-01T00:00:00Z'))).toBe('83AA7E80');
  });

  it('an empty CRL has no revokedCertificates field and lists nothing [R-SIGN]', () => {
    const crl = f.crls.empty.crl;
    expect(crl.revoked.size).toBe(0);
    expect(verifyCrl(crl, f.ca.cert)).toBe(true);
  });

  it('verifyCrl: the issuing CA only, untouched bytes only [R-SIGN][ST-EPC-02-008]', () => {
    expect(verifyCrl(f.crls.fresh.crl, f.ca.cert)).toBe(true);
    expect(verifyCrl(f.crls.fresh.crl, f.otherCa.cert)).toBe(false); // another name
    expect(verifyCrl(f.crls.fresh.crl, f.impostorCa.cert)).toBe(false); // same name, other key
    expect(verifyCrl(f.crls.wronglySigned.crl, f.ca.cert)).toBe(false);
    expect(verifyCrl(f.crls.fresh.crl, f.ca.cert, '8765432187654321')).toBe(false); // other SM2 id
    // change one revoked serial (1004 → 1084) without re-signing
    const der = Buffer.from(f.crls.fresh.der);
    const i = der.indexOf(Buffer.from([0x02, 0x02, 0x10, 0x04]));
    der[i + 3] = 0x84;
    const tampered = parseCrl(der);
    expect(findRevocation(tampered, '1084')).toBeDefined();
    expect(verifyCrl(tampered, f.ca.cert)).toBe(false);
  });

  it('a CRL signed with the empty id (for OpenSSL 3.0) verifies only when asked with that id [R-SIGN]', () => {
    const crl = parseCrl(
      createCrl({
        issuer: f.ca.cert,
        privateKey: f.ca.keyPair.privateKey,
        thisUpdate: at(-1),
        nextUpdate: at(1),
        revoked: [],
        userId: '',
      }),
    );
    expect(verifyCrl(crl, f.ca.cert)).toBe(false);
    expect(verifyCrl(crl, f.ca.cert, '')).toBe(true);
  });

  it('findRevocation accepts any hex form of a serial [R-SIGN]', () => {
    for (const s of ['1004', '001004', '01004']) {
      expect(findRevocation(f.crls.fresh.crl, s)?.serialHex).toBe('1004');
    }
    expect(findRevocation(f.crls.fresh.crl, '1003')).toBeUndefined();
    expect(findRevocation(f.crls.fresh.crl, '')).toBeUndefined();
  });

  it('createCrl refuses a key that is not the CA’s and backwards dates [R-SIGN]', () => {
    const base = {
      issuer: f.ca.cert,
      privateKey: f.ca.keyPair.privateKey,
      thisUpdate: at(0),
      nextUpdate: at(1),
      revoked: [],
    };
    expect(() => createCrl({ ...base, privateKey: f.otherCa.keyPair.privateKey })).toThrow(
      /CA 私钥与 CA 证书公钥不匹配/,
    );
    expect(() => createCrl({ ...base, nextUpdate: base.thisUpdate })).toThrow(
      /下次更新时间必须晚于/,
    );
    expect(() => createCrl({ ...base, revoked: [{ serialHex: 'zz', revokedAt: at(0) }] })).toThrow(
      /十六进制/,
    );
  });

  it('parseCrlCached hands back the same object for the same bytes [ARCH]', () => {
    const a = parseCrlCached(Buffer.from(f.crls.fresh.der));
    expect(parseCrlCached(Buffer.from(f.crls.fresh.der))).toBe(a);
  });

  it('a certificate passed as a CRL is malformed; a re-signed CRL still parses [R-SIGN]', () => {
    let error: unknown;
    try {
      parseCrl(f.valid.der);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(X509Error);
    expect((error as X509Error).code).toBe('MALFORMED');
    // re-signed still parses (the signature is only checked by verifyCrl)
    expect(parseCrl(resign(f.crls.fresh.der, f.otherCa.keyPair.privateKey)).revoked.size).toBe(2);
  });
});
