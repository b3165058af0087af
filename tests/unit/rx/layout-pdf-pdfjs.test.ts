import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { textWidth } from '../../../src/domain/pdf/cjk-text-pdf';
import { renderLayoutPdf } from '../../../src/sandbox/hospital/layout-pdf';

const ROOT = path.resolve(import.meta.dirname, '../../..');

describe('layout PDF read by an independent implementation (pdf.js)', () => {
  it('pdf.js opens the sandbox layout PDF and finds every line through the UniGB-UCS2-H CMap [R-LAYOUT][ARCH]', async () => {
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const lines = [
      '医保处方编号：500103202506010930000000000001',
      '患者姓名：张伟',
      '用法1：口服 每次1片 每日一次 14天',
    ];
    const pdf = renderLayoutPdf({ title: '沙箱示范医院（渝中） 电子处方', lines });
    const doc = await pdfjs.getDocument({
      data: new Uint8Array(pdf),
      cMapUrl: `${path.join(ROOT, 'node_modules/pdfjs-dist/cmaps')}/`,
      cMapPacked: true,
      verbosity: 0,
    }).promise;
    expect(doc.numPages).toBe(1);
    const page = await doc.getPage(1);
    const [, , width, height] = page.view;
    expect([width, height]).toEqual([595, 842]);
    const content = await page.getTextContent();
    const text = content.items
      .map((i) => ('str' in i ? i.str : ''))
      .join('')
      .replace(/\s/g, '');
    for (const line of lines) expect(text).toContain(line.replace(/\s/g, ''));
    await doc.destroy();
  });

  it('the layout preview sets digits half-width, as the font’s widths declare [R-LAYOUT][issue19-3]', async () => {
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const line = '医保处方编号：500103202506010930000000000001';
    const pdf = renderLayoutPdf({ title: '沙箱示范医院（渝中） 电子处方', lines: [line] });
    const doc = await pdfjs.getDocument({
      data: new Uint8Array(pdf),
      cMapUrl: `${path.join(ROOT, 'node_modules/pdfjs-dist/cmaps')}/`,
      cMapPacked: true,
      verbosity: 0,
    }).promise;
    const content = await (await doc.getPage(1)).getTextContent();
    const item = content.items.find((i) => 'str' in i && i.str === line);
    if (!item || !('str' in item)) throw new Error('line not found');
    const size = (item.transform as number[])[0] ?? 0;
    expect(item.width).toBeCloseTo(textWidth(line, size), 0);
    expect(item.width).toBeCloseTo((7 * 1000 + 30 * 500) * (size / 1000), 0);
    await doc.destroy();
  });
});
