import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/domain/errors';
import { assertNoScannedCode, codeShapeIn } from '../../../src/domain/scan/code-shaped-text';

const NOW = new Date('2026-12-06T10:00:00+08:00');
const TOKEN = '500000ecxxkncfa2f8udkelatt5liiofycm3a3';

describe('scanned codes in free text', () => {
  it('finds an e-voucher token, a prescription QR, a 20-digit trace code, a GS1 and an MA string inside prose [R-OPINION][issue19-5]', () => {
    expect(codeShapeIn(`处方合理，用法用量适宜${TOKEN}`, NOW)?.kind).toBe('evoucher');
    expect(codeShapeIn('见EPCQR01ABCDEFGHJK0123456789', NOW)?.kind).toBe('rx-qr');
    expect(codeShapeIn('已发药 81234567890123456789', NOW)?.kind).toBe('traceability');
    expect(codeShapeIn('0106901500011739\x1d21ABC123', NOW)?.kind).toBe('gs1');
    expect(codeShapeIn('(01)06901500011739(17)271231', NOW)?.kind).toBe('gs1');
    expect(codeShapeIn('核对MA.156.M0.100043.10010210000001.2501', NOW)?.kind).toBe('ma');
  });

  it('leaves ordinary opinions alone: doses, dates, a 13-digit barcode, a national drug code [R-OPINION][issue19-5]', () => {
    for (const text of [
      '处方合理，用法用量适宜',
      '阿莫西林 0.5g tid 7天，2026-12-06 复诊',
      '商品条码 6901500011739 与处方一致',
      'XJ01CAA040A001010100435 不在本店目录',
      'Amoxicillin capsules 0.25g',
    ]) {
      expect(codeShapeIn(text, NOW), text).toBeNull();
    }
  });

  it('refuses in Chinese with the rule id, without echoing the token [R-OPINION][issue19-5]', () => {
    const refuse = () => assertNoScannedCode('审核意见', `合理${TOKEN}`, 'R-OPINION', NOW);
    expect(refuse).toThrow(AppError);
    try {
      refuse();
    } catch (e) {
      const shape = (e as AppError).toShape();
      expect(shape).toMatchObject({ code: 'VALIDATION', ruleId: 'R-OPINION' });
      expect(shape.message).toContain('「审核意见」中含有扫码内容');
      expect(shape.message).not.toContain(TOKEN);
      expect(shape.citation).toContain('ST-EPC-02-007');
    }
  });
});
