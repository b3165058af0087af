import { describe, expect, it } from 'vitest';
import { gs1CheckDigit, hasValidCheckDigit } from '../../../src/domain/trace/check-digit';
import { gs1Date, gs1Year, parseElementString } from '../../../src/domain/trace/gs1-element-string';
import { packKey, parseScannedCode } from '../../../src/domain/trace/parse-scanned-code';

/** The scans' moment: fixes the century of GS1 two-digit years. */
const NOW = new Date('2026-06-01T12:00:00+08:00');

const GS = '\x1d';

describe('GS1 check digits (published GTINs) [R-TRACE]', () => {
  it('accepts the check digits of GS1 example GTINs and catalog barcodes [R-TRACE]', () => {
    for (const gtin of [
      '09521234543213',
      '09506000134352',
      '4006381333931',
      '6901500011739',
      '05900912340094',
    ]) {
      expect(hasValidCheckDigit(gtin), gtin).toBe(true);
    }
    expect(gs1CheckDigit('0950600013435')).toBe(2);
  });
  it('refuses a wrong check digit [R-TRACE]', () => {
    expect(hasValidCheckDigit('09521234543214')).toBe(false);
    expect(parseScannedCode('6901500011738', NOW)).toMatchObject({ kind: 'unknown' });
  });
});

describe('Chinese 20-digit traceability codes [R-TRACE]', () => {
  it('splits product identifier and serial [R-TRACE]', () => {
    expect(parseScannedCode('83857930000879766660', NOW)).toEqual({
      kind: 'trace20',
      code: '83857930000879766660',
      productId: '8385793',
      serial: '0000879766660',
    });
  });
  it('tolerates surrounding whitespace and a printed space [R-TRACE]', () => {
    expect(parseScannedCode('  8385793 0000879766660\r\n', NOW)).toMatchObject({ kind: 'trace20' });
  });
  it('refuses truncated, wrong-prefix and non-digit codes with a Chinese reason [R-TRACE]', () => {
    const short = parseScannedCode('8385793000087976666', NOW);
    expect(short).toMatchObject({ kind: 'unknown' });
    expect(short.kind === 'unknown' && short.reason).toContain('20位');
    expect(parseScannedCode('73857930000879766660', NOW)).toMatchObject({
      kind: 'unknown',
      reason: expect.stringContaining('8 开头'),
    });
    expect(parseScannedCode('8385793000087976666X', NOW)).toMatchObject({ kind: 'unknown' });
  });
});

describe('GS1 element strings [R-TRACE]', () => {
  it('parses the GS1 General Specifications example in human-readable form [R-TRACE]', () => {
    const p = parseScannedCode('(01)09521234543213(17)251231(10)ABC123(21)12345', NOW);
    expect(p).toMatchObject({
      kind: 'gs1',
      gtin: '09521234543213',
      expiry: '2025-12-31',
      batch: 'ABC123',
      serial: '12345',
    });
  });
  it('parses a DataMatrix scan with ]d2 and GS separators [R-TRACE]', () => {
    const p = parseScannedCode(`]d20109521234543213172512311012AB${GS}2112345`, NOW);
    expect(p).toMatchObject({ kind: 'gs1', symbology: ']d2', batch: '12AB', serial: '12345' });
  });
  it('parses GS1-128 (]C1) and GS1 QR (]Q3) with a scanner FNC1 substitute [R-TRACE]', () => {
    expect(parseScannedCode(']C10109521234543213~10LOT7~21S1', NOW)).toMatchObject({
      kind: 'gs1',
      batch: 'LOT7',
      serial: 'S1',
    });
    expect(parseScannedCode(']Q30109521234543213<GS>21XYZ', NOW)).toMatchObject({
      kind: 'gs1',
      serial: 'XYZ',
    });
  });
  it('skips known AIs it does not use, by their fixed or variable length [R-TRACE]', () => {
    const r = parseElementString(
      `0109521234543213${'3103000250'}11250101240ADD-ID${GS}21SER9`,
      NOW,
    );
    expect(r.ok && r.data.elements.map((e) => e.ai)).toEqual(['01', '3103', '11', '240', '21']);
    expect(r.ok && r.data.serial).toBe('SER9');
  });
  it('reads day 00 of AI 17 as the end of the month [R-TRACE]', () => {
    expect(gs1Date('260200', NOW)).toBe('2026-02-28');
    expect(gs1Date('240200', NOW)).toBe('2024-02-29');
    expect(gs1Date('251301', NOW)).toBeNull();
    expect(gs1Date('250231', NOW)).toBeNull();
  });
  it('reads a two-digit year by the GS1 §7.12 century rule, relative to now [R-TRACE]', () => {
    // (17)991231 scanned in 2026: 99 − 26 = 73 (51…99) → previous century, long expired.
    expect(gs1Date('991231', NOW)).toBe('1999-12-31');
    expect(parseScannedCode('(01)09521234543213(17)991231(21)OLD1', NOW)).toMatchObject({
      kind: 'gs1',
      expiry: '1999-12-31',
    });
    // Boundaries of the rule around 2026: +50 stays, +51 goes back.
    expect(gs1Year(76, 2026)).toBe(2076);
    expect(gs1Year(77, 2026)).toBe(1977);
    expect(gs1Year(0, 2026)).toBe(2000);
    // Near the end of a century: −50 goes forward, −49 stays.
    expect(gs1Year(30, 2080)).toBe(2130);
    expect(gs1Year(31, 2080)).toBe(2031);
    expect(gs1Year(0, 2099)).toBe(2100);
    expect(gs1Year(99, 2000)).toBe(1999);
    // The current year is Beijing's: 23:30 UTC on 31 Dec 2049 is already 2050 there (00 − 50).
    expect(gs1Date('001231', new Date('2049-12-31T23:30:00Z'))).toBe('2100-12-31');
    expect(gs1Date('001231', new Date('2049-12-31T12:00:00Z'))).toBe('2000-12-31');
  });
  it('reads AI 7040 as N1 X1 X1 X1 with the importer index character set [R-TRACE]', () => {
    // "70403PA_" is the syntax-dictionary example shape: digit, two CSET 82, importer index.
    const r = parseElementString(`0109521234543213${GS}70403PA_${GS}21S7`, NOW);
    expect(r.ok && r.data.elements).toEqual([
      { ai: '01', value: '09521234543213' },
      { ai: '7040', value: '3PA_' },
      { ai: '21', value: 'S7' },
    ]);
    expect(parseElementString('010952123454321370400a-z', NOW).ok).toBe(true);
    for (const bad of ['7040A3PA', '70403PA.', '70403P']) {
      expect(parseElementString(`0109521234543213${bad}`, NOW).ok, bad).toBe(false);
    }
  });
  it('refuses a wrong GTIN check digit, truncation and an unknown AI [R-TRACE]', () => {
    expect(parseScannedCode(']d20109521234543214', NOW)).toMatchObject({
      kind: 'unknown',
      reason: expect.stringContaining('校验位'),
    });
    expect(parseScannedCode(']d2010952123454', NOW)).toMatchObject({
      kind: 'unknown',
      reason: expect.stringContaining('截断'),
    });
    expect(parseScannedCode(`]d2010952123454321323X`, NOW)).toMatchObject({
      kind: 'unknown',
      reason: expect.stringContaining('应用标识符'),
    });
  });
  it('restores CapsLock-inverted letters when the symbology identifier is inverted [R-TRACE][R-TRACE-ONCE]', () => {
    const normal = parseScannedCode(`]d2010952123454321310abc${GS}21Ser1`, NOW);
    const inverted = parseScannedCode(`]D2010952123454321310ABC${GS}21sER1`, NOW);
    expect(inverted).toMatchObject({
      kind: 'gs1',
      batch: 'abc',
      serial: 'Ser1',
      caseInverted: true,
    });
    expect(packKey(inverted)).toBe(packKey(normal));
  });
  it('folds serial case in the pack key so a CapsLock rescan is still the same pack [R-TRACE-ONCE]', () => {
    const a = parseScannedCode('(01)09521234543213(21)abc', NOW);
    const b = parseScannedCode('(01)09521234543213(21)ABC', NOW);
    expect(packKey(a)).toBe(packKey(b));
  });
  it('has no pack key without a serial [R-TRACE]', () => {
    expect(packKey(parseScannedCode('(01)09521234543213(10)L1', NOW))).toBeNull();
  });
});

describe('MA codes and EAN-13 [R-TRACE]', () => {
  it('parses MA codes in any case [R-TRACE]', () => {
    const p = parseScannedCode('ma.156.M0.100000.ABC123.S0001', NOW);
    expect(p).toMatchObject({ kind: 'ma', country: '156', code: 'MA.156.M0.100000.ABC123.S0001' });
  });
  it('refuses an incomplete MA code [R-TRACE]', () => {
    expect(parseScannedCode('MA.CN.1', NOW)).toMatchObject({ kind: 'unknown' });
  });
  it('recognises an EAN-13 drug barcode but gives it no pack key [R-TRACE]', () => {
    const p = parseScannedCode('6901500011739', NOW);
    expect(p).toEqual({ kind: 'ean13', gtin: '6901500011739' });
    expect(packKey(p)).toBeNull();
  });
  it('reports garbage as unknown with a Chinese reason [R-TRACE]', () => {
    expect(parseScannedCode('hello', NOW)).toMatchObject({
      kind: 'unknown',
      reason: expect.stringMatching(/无法识别/),
    });
    expect(parseScannedCode('   ', NOW)).toMatchObject({ kind: 'unknown' });
  });
});
