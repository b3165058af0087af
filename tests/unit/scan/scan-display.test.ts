import { describe, expect, it } from 'vitest';
import { classifyScan } from '../../../src/domain/scan/classify';
import { scanDisplayText } from '../../../src/domain/scan/scan-display';

const NOW = new Date('2026-12-06T10:00:00+08:00');
const shown = (raw: string) => {
  const c = classifyScan(raw, NOW);
  return scanDisplayText(c.kind, 'text' in c ? c.text : raw);
};

describe('what a screen shows of a scan', () => {
  it('never shows the text of an unrecognised scan, only its length [R-AUTH][issue19-4]', () => {
    expect(shown('demo1234')).toBe('8 个字符，内容不显示');
    expect(shown('demo1234')).not.toContain('demo');
  });

  it('masks an e-voucher token and a prescription QR, keeping only the ends [R-AUTH][issue19-4]', () => {
    const token = 'Qx7Lm2Np9Rs4Tv6Wy8Za1Bc3';
    expect(shown(token)).toBe('Qx7L…1Bc3');
    const qr = 'EPCQR01ABCDEFGHJK0123456789';
    expect(shown(qr)).not.toContain('ABCDEFGHJK0123456789');
  });

  it('shows a pack code in full: it is printed on the pack [R-TRACE][issue19-4]', () => {
    expect(shown('81234567890123456789')).toBe('81234567890123456789');
  });
});
