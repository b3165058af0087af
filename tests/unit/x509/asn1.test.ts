import { describe, expect, it } from 'vitest';
import {
  decodeBitString,
  decodeDirectoryString,
  decodeOid,
  decodeSmallInt,
  decodeTime,
  decodeUnsignedHex,
  readDer,
  TAG,
} from '../../../src/center/x509/asn1-reader';
import { namedBits, oid, time, unsignedInt } from '../../../src/center/x509/asn1-writer';
import { X509Error } from '../../../src/center/x509/errors';

const hex = (h: string) => Buffer.from(h.replace(/\s+/g, ''), 'hex');
const node = (h: string) => readDer(hex(h), 'test');

function malformed(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(X509Error);
    expect((e as X509Error).code).toBe('MALFORMED');
    expect((e as X509Error).message).toBe('证书或吊销列表数据格式错误，无法解析');
    return (e as X509Error).detail ?? '';
  }
  throw new Error('expected a MALFORMED X509Error');
}

describe('strict DER reader', () => {
  it('refuses BER forms, bad lengths, truncation and trailing bytes [ARCH]', () => {
    expect(malformed(() => readDer(hex(''), 'x'))).toMatch(/truncated header/);
    expect(malformed(() => readDer(hex('30'), 'x'))).toMatch(/truncated header/);
    expect(malformed(() => readDer(hex('30 80 00 00'), 'x'))).toMatch(/indefinite/);
    expect(malformed(() => readDer(hex('04 81 05 0102030405'), 'x'))).toMatch(/non-minimal/);
    expect(malformed(() => readDer(hex('04 82 0005 0102030405'), 'x'))).toMatch(/non-minimal/);
    expect(malformed(() => readDer(hex('04 85 0100000000'), 'x'))).toMatch(/too long/);
    expect(malformed(() => readDer(hex('30 84 ffffffff 00'), 'x'))).toMatch(/past the end/);
    expect(malformed(() => readDer(hex('04 03 0102'), 'x'))).toMatch(/past the end/);
    expect(malformed(() => readDer(hex('04 01 01 00'), 'x'))).toMatch(/trailing/);
    expect(malformed(() => readDer(hex('1f 81 01 00'), 'x'))).toMatch(/multi-byte tag/);
    expect(readDer(hex('04 81 80'.concat('00'.repeat(128))), 'x').content).toHaveLength(128);
  });

  it('INTEGER: minimal two’s complement only; serials must be non-negative [ARCH]', () => {
    expect(decodeUnsignedHex(node('02 01 01'), 's')).toBe('01');
    expect(decodeUnsignedHex(node('02 02 00 80'), 's')).toBe('80');
    expect(decodeUnsignedHex(node('02 03 7d4b1a'), 's')).toBe('7D4B1A');
    expect(malformed(() => decodeUnsignedHex(node('02 02 00 01'), 's'))).toMatch(/non-minimal/);
    expect(malformed(() => decodeUnsignedHex(node('02 02 ff 80'), 's'))).toMatch(/non-minimal/);
    expect(malformed(() => decodeUnsignedHex(node('02 01 80'), 's'))).toMatch(/negative/);
    expect(malformed(() => decodeUnsignedHex(node('02 00'), 's'))).toMatch(/empty/);
    expect(decodeSmallInt(node('02 01 02'), 'v')).toBe(2);
    expect(malformed(() => decodeSmallInt(node('02 05 0100000000'), 'v'))).toMatch(/too large/);
    expect(unsignedInt(hex('0080')).toString('hex')).toBe('02020080');
    expect(unsignedInt(hex('000001')).toString('hex')).toBe('020101');
  });

  it('OBJECT IDENTIFIER: round trip, no padded or unfinished arcs [ARCH]', () => {
    for (const id of [
      '1.2.156.10197.1.301',
      '1.2.840.10045.2.1',
      '2.5.29.19',
      '2.999.3',
      '1.3.6.1.4.1.99999999',
    ]) {
      expect(decodeOid(readDer(oid(id), 'oid'), 'oid')).toBe(id);
    }
    expect(oid('1.2.156.10197.1.501').toString('hex')).toBe('06082a811ccf55018375');
    expect(malformed(() => decodeOid(node('06 02 80 01'), 'oid'))).toMatch(/non-minimal/);
    expect(malformed(() => decodeOid(node('06 02 2a 81'), 'oid'))).toMatch(/truncated/);
    expect(malformed(() => decodeOid(node('06 00'), 'oid'))).toMatch(/invalid/);
    expect(malformed(() => decodeOid(node(`06 0c ${'ff'.repeat(11)}01`), 'oid'))).toMatch(
      /too large/,
    );
  });

  it('times: DER UTCTime / GeneralizedTime only, calendar-checked, 2050 switch [ARCH]', () => {
    const utc = (s: string) =>
      readDer(Buffer.concat([Buffer.from([TAG.utcTime, s.length]), Buffer.from(s)]), 't');
    const gen = (s: string) =>
      readDer(Buffer.concat([Buffer.from([TAG.generalizedTime, s.length]), Buffer.from(s)]), 't');
    expect(decodeTime(utc('260301000000Z'), 't').toISOString()).toBe('2026-03-01T00:00:00.000Z');
    expect(decodeTime(utc('491231235959Z'), 't').toISOString()).toBe('2049-12-31T23:59:59.000Z');
    expect(decodeTime(utc('500101000000Z'), 't').toISOString()).toBe('1950-01-01T00:00:00.000Z');
    expect(decodeTime(gen('20991231235959Z'), 't').toISOString()).toBe('2099-12-31T23:59:59.000Z');
    expect(decodeTime(gen('00500101000000Z'), 't').getUTCFullYear()).toBe(50);
    expect(decodeTime(gen('20240229120000Z'), 't').toISOString()).toBe('2024-02-29T12:00:00.000Z');
    malformed(() => decodeTime(gen('21000229120000Z'), 't')); // 2100 is not a leap year
    for (const bad of [
      '2603010000Z',
      '260301000000+0800',
      '260301000000',
      '260230000000Z',
      '261301000000Z',
      '260301240000Z',
    ]) {
      malformed(() => decodeTime(utc(bad), 't'));
    }
    malformed(() => decodeTime(gen('20260301000000.5Z'), 't'));
    malformed(() => decodeTime(readDer(hex('04 01 00'), 't'), 't'));

    expect(time(new Date('2049-12-31T23:59:59.999Z'))[0]).toBe(TAG.utcTime);
    expect(time(new Date('2050-01-01T00:00:00Z'))[0]).toBe(TAG.generalizedTime);
    for (const d of ['2049-12-31T23:59:59Z', '2050-01-01T00:00:00Z', '1999-01-01T12:00:00Z']) {
      expect(decodeTime(readDer(time(new Date(d)), 't'), 't').toISOString()).toBe(
        new Date(d).toISOString(),
      );
    }
    expect(() => time(new Date(Number.NaN))).toThrow();
  });

  it('BIT STRING: unused bits 0–7 and zero padding; named bits as OpenSSL writes them [ARCH]', () => {
    // keyUsage digitalSignature + nonRepudiation, and keyCertSign + cRLSign, byte for byte
    expect(namedBits([0, 1]).toString('hex')).toBe('030206c0');
    expect(namedBits([5, 6]).toString('hex')).toBe('03020106');
    expect(namedBits([8]).toString('hex')).toBe('0303070080');
    expect(decodeBitString(node('03 02 06 c0'), 'b').unusedBits).toBe(6);
    expect(malformed(() => decodeBitString(node('03 02 06 c1'), 'b'))).toMatch(/padding/);
    expect(malformed(() => decodeBitString(node('03 02 08 00'), 'b'))).toMatch(/invalid/);
    expect(malformed(() => decodeBitString(node('03 01 01'), 'b'))).toMatch(/padding/);
    expect(malformed(() => decodeBitString(node('03 00'), 'b'))).toMatch(/invalid/);
  });

  it('directory strings: UTF-8 (Chinese) strict, PrintableString ASCII, BMPString [ARCH]', () => {
    const utf8 = Buffer.from('重庆市医疗保障局', 'utf8');
    expect(
      decodeDirectoryString(
        readDer(Buffer.concat([Buffer.from([0x0c, utf8.length]), utf8]), 's'),
        's',
      ),
    ).toBe('重庆市医疗保障局');
    expect(decodeDirectoryString(node('1e 04 4e2d 6587'), 's')).toBe('中文');
    expect(decodeDirectoryString(node('13 02 434e'), 's')).toBe('CN');
    malformed(() => decodeDirectoryString(node('0c 02 c328'), 's')); // invalid UTF-8
    malformed(() => decodeDirectoryString(node('13 02 43ce'), 's'));
    malformed(() => decodeDirectoryString(node('1e 03 4e2d65'), 's'));
    malformed(() => decodeDirectoryString(node('1c 04 00110000'), 's')); // beyond U+10FFFF
    malformed(() => decodeDirectoryString(node('04 01 41'), 's'));
  });
});
