import { describe, expect, it } from 'vitest';
import { fenOf, money, yuanText } from '../../../src/domain/money';
import { a4ReceiptPdf } from '../../../src/services/settlement/receipt/pdf-writer';
import { thermalLines, widthOf } from '../../../src/services/settlement/receipt/thermal';
import { pdfTextLines } from '../../support/pdf-text';

const receipt = {
  title: '医保结算单',
  pharmacyName: '沙箱示范大药房（渝中店）',
  rows: [['处方号', 'RX500103202501010000000001']] as Array<[string, string]>,
  lines: [
    {
      name: '甲磺酸奥希替尼片（乙类）',
      qty: '1盒 x 5100.00',
      total: '5100.00',
      notes: [
        '「甲磺酸奥希替尼片」售价高于医保支付标准（4980.00 元），超出部分 120.00 元由个人自付',
      ],
      codes: ['80933310000000000001'],
    },
  ],
  totals: [['个人现金支付', '1234.56']] as Array<[string, string]>,
  footer: ['请妥善保管本结算单'],
};

describe('receipt formats and money', () => {
  it('keeps integer fen and two-decimal yuan text [R-SETTLE]', () => {
    expect(yuanText(1280)).toBe('12.80');
    expect(yuanText(5)).toBe('0.05');
    expect(fenOf(12.8)).toBe(1280);
    expect(fenOf('0.29')).toBe(29);
    expect(money(52_10)).toEqual({ fen: 5210, yuan: '52.10' });
  });

  it('never prints a thermal line wider than the roll, CJK counting double [R-SETTLE]', () => {
    for (const cols of [32, 48]) {
      const lines = thermalLines(receipt, cols);
      expect(lines.every((l) => widthOf(l) <= cols)).toBe(true);
      expect(lines.join('')).toContain('80933310000000000001');
      expect(lines.some((l) => l.startsWith('个人现金支付') && l.endsWith('1234.56'))).toBe(true);
    }
  });

  it('writes an A4 PDF whose CJK text reads back [R-SETTLE]', async () => {
    const text = ((await pdfTextLines(a4ReceiptPdf(receipt))) ?? []).join('\n');
    for (const expected of [
      '沙箱示范大药房（渝中店） 医保结算单',
      '处方号：',
      'RX500103202501010000000001',
      '个人现金支付',
      '1234.56',
    ]) {
      expect(text).toContain(expected);
    }
  });
});
