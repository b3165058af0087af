import { describe, expect, it } from 'vitest';
import { classifyScan, MAX_SCAN_LENGTH } from '../../../src/domain/scan/classify';

/** The scans' moment: fixes the century of GS1 two-digit years. */
const NOW = new Date('2026-06-01T12:00:00+08:00');

describe('scan classification', () => {
  it('recognises e-voucher tokens of 20–64 letters and digits [R-AUTH][ST-EPC-02-001]', () => {
    for (const t of [
      'a'.repeat(20),
      'A1b2C3d4E5f6G7h8J9k0',
      'Z'.repeat(64),
      '12345678901234567890',
    ]) {
      expect(classifyScan(t, NOW)).toEqual({ kind: 'evoucher', text: t });
    }
  });

  it('does not take too short or too long alphanumerics for a token [R-AUTH][ST-EPC-02-001]', () => {
    expect(classifyScan('a'.repeat(19), NOW).kind).toBe('unknown');
    expect(classifyScan('a'.repeat(65), NOW).kind).toBe('unknown');
  });

  it('recognises 20-digit traceability codes starting with 8, not as tokens [R-TRACE]', () => {
    expect(classifyScan('81234567890123456789', NOW)).toMatchObject({
      kind: 'traceability',
      text: '81234567890123456789',
    });
    expect(classifyScan('8123456789012345678', NOW).kind).toBe('unknown');
    expect(classifyScan('812345678901234567890', NOW).kind).toBe('evoucher');
  });

  it('tolerates padding around a code but not inside it [R-TRACE]', () => {
    expect(classifyScan('  81234567890123456789 ', NOW)).toMatchObject({
      kind: 'traceability',
      text: '81234567890123456789',
    });
    expect(classifyScan('8123456789 0123456789', NOW).kind).toBe('unknown');
  });

  it('answers unknown with a Chinese message for junk [ARCH]', () => {
    const c = classifyScan('hello-world', NOW);
    expect(c).toMatchObject({ kind: 'unknown', text: 'hello-world' });
    expect(c.kind === 'unknown' && c.message).toMatch(/无法识别/);
  });

  it('rejects script-like payloads [ARCH]', () => {
    for (const p of [
      '<script>alert(1)</script>',
      'javascript:alert(1)',
      'x" onerror=alert(1)',
      `\${jndi:ldap://x}`,
      '&#60;script&#62;',
      '<img src=x>',
    ]) {
      const c = classifyScan(p, NOW);
      expect(c, p).toMatchObject({ kind: 'rejected', reason: 'script' });
      expect(c.kind === 'rejected' && c.message).toMatch(/脚本/);
    }
  });

  it('rejects control characters, non-ASCII, empty and over-long input [ARCH]', () => {
    expect(classifyScan('abc\u0000def1234567890123', NOW)).toMatchObject({
      kind: 'rejected',
      reason: 'control',
    });
    expect(classifyScan('abc\rdef', NOW)).toMatchObject({ kind: 'rejected', reason: 'control' });
    expect(classifyScan('abc\u0085def', NOW)).toMatchObject({
      kind: 'rejected',
      reason: 'control',
    });
    expect(classifyScan('医保电子凭证12345678901234567890', NOW)).toMatchObject({
      kind: 'rejected',
      reason: 'non-ascii',
    });
    expect(classifyScan('   ', NOW)).toMatchObject({ kind: 'rejected', reason: 'empty' });
    expect(classifyScan('', NOW)).toMatchObject({ kind: 'rejected', reason: 'empty' });
    expect(classifyScan('a'.repeat(MAX_SCAN_LENGTH + 1), NOW)).toMatchObject({
      kind: 'rejected',
      reason: 'too-long',
    });
    expect(classifyScan('a'.repeat(MAX_SCAN_LENGTH), NOW).kind).toBe('unknown');
  });
});
