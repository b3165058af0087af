import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { A4 } from '../../../src/domain/pdf/cjk-text-pdf';
import { a4ReceiptPdf } from '../../../src/services/settlement/receipt/pdf-writer';
import type { ReceiptData } from '../../../src/services/settlement/receipt/receipt-data';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const MARGIN = 48;

const SETL_ID = 'SETL500103202612060000000017';
const RXNO = '500103202612060930000000000001';
const CODE = '81234567890123456789';
const receipt: ReceiptData = {
  title: '医保结算单',
  pharmacyName: '沙箱示范大药房（渝中店）',
  rows: [
    ['处方号', RXNO],
    ['结算ID', SETL_ID],
    ['结算时间', '2026-12-06 10:15:00'],
    ['参保人', '张* 5001**********1234'],
  ],
  lines: [
    {
      name: '甲磺酸奥希替尼片（乙类）',
      qty: '1盒 x 5100.00',
      total: '5100.00',
      notes: [
        '「甲磺酸奥希替尼片」售价高于医保支付标准（4980.00 元），超出部分 120.00 元由个人自付',
      ],
      codes: [CODE],
    },
  ],
  totals: [
    ['医疗费总额', '5100.00'],
    ['统筹基金支付', '3865.44'],
    ['个人账户支付', '0.00'],
    ['个人现金支付', '1234.56'],
  ],
  footer: ['请妥善保管本结算单；退费须凭本单办理。'],
};

interface Placed {
  str: string;
  left: number;
  right: number;
  y: number;
}

/** Every text run as pdf.js places it: its string and its left and right edges in points. */
async function placedText(pdf: Buffer): Promise<{ width: number; height: number; runs: Placed[] }> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({
    data: new Uint8Array(pdf),
    cMapUrl: `${path.join(ROOT, 'node_modules/pdfjs-dist/cmaps')}/`,
    cMapPacked: true,
    verbosity: 0,
  }).promise;
  const page = await doc.getPage(1);
  const [, , width, height] = page.view;
  const content = await page.getTextContent();
  const runs: Placed[] = [];
  for (const item of content.items) {
    if (!('str' in item) || item.str.trim() === '') continue;
    const [, , , , x, y] = item.transform as number[];
    runs.push({ str: item.str, left: x ?? 0, right: (x ?? 0) + item.width, y: y ?? 0 });
  }
  await doc.destroy();
  return { width: width ?? 0, height: height ?? 0, runs };
}

describe('A4 receipt rendered and read back', () => {
  it('pdf.js places every amount and id inside the page, right-aligned on the margin by real glyph widths [R-SETTLE][issue19-3]', async () => {
    const { width, height, runs } = await placedText(a4ReceiptPdf(receipt));
    expect([width, height]).toEqual([A4.width, A4.height]);
    for (const value of [RXNO, SETL_ID, '5100.00', '3865.44', '0.00', '1234.56']) {
      const run = runs.find((r) => r.str === value);
      expect(run, value).toBeDefined();
      expect(run?.left).toBeGreaterThan(MARGIN);
      expect(run?.right).toBeCloseTo(A4.width - MARGIN, 0);
    }
    for (const r of runs) {
      expect(r.left, r.str).toBeGreaterThanOrEqual(MARGIN - 0.1);
      expect(r.right, r.str).toBeLessThanOrEqual(A4.width - MARGIN + 0.1);
      expect(r.y, r.str).toBeGreaterThan(0);
    }
    // Half-width ASCII: 20 digits at 10.5 pt are 105 pt wide, not 210.
    const code = runs.find((r) => r.str === CODE);
    expect((code?.right ?? 0) - (code?.left ?? 0)).toBeCloseTo(20 * 10.5 * 0.5, 0);
  });

  it('poppler (pdftotext -layout) reads the ids and amounts back on their labels’ lines [R-SETTLE][issue19-3]', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'receipt-a4-'));
    const file = path.join(dir, 'receipt.pdf');
    writeFileSync(file, a4ReceiptPdf(receipt));
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    const lineOf = (label: string) => text.split('\n').find((l) => l.includes(label)) ?? '';
    expect(lineOf('结算ID')).toMatch(new RegExp(`结算ID：\\s+${SETL_ID}$`));
    expect(lineOf('处方号')).toMatch(new RegExp(`${RXNO}$`));
    expect(lineOf('统筹基金支付')).toMatch(/3865\.44$/);
    expect(lineOf('个人现金支付')).toMatch(/1234\.56$/);
    expect(lineOf('1盒 x 5100.00')).toMatch(/5100\.00$/);
    expect(text).toContain(CODE);
  });
});
