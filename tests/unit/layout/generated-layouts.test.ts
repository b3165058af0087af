import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { layoutLine } from '../../../src/center/rx/layout-fields';
import { MAX_LAYOUT_PDF_BYTES, readLayoutPdf } from '../../../src/center/rx/layout-pdf-items';
import { parseLayoutLabelSet } from '../../../src/domain/layout/label-set';
import { renderLayoutPdf } from '../../../src/sandbox/hospital/layout-pdf';
import { viewLayoutFields } from '../../../src/sandbox/rx/rx-view';
import { layoutCheckOf } from '../../../src/services/rx-layout-check';
import {
  chromiumLayoutPdf,
  hospitalForm,
  launchChromium,
  pdfFonts,
  reportlabLayoutPdf,
} from '../../support/layout-pdfs';
import { fixtureRx, fixtureView } from './fixture-rx';

const labels = parseLayoutLabelSet(
  JSON.parse(fs.readFileSync(path.join(process.cwd(), 'config/layout/default.json'), 'utf8')),
);

let browser: Browser;
const pdfs: Record<string, Buffer> = {};

beforeAll(async () => {
  browser = await launchChromium();
  const form = hospitalForm(fixtureRx);
  pdfs.chromium = await chromiumLayoutPdf(browser, form);
  pdfs.twoPages = await chromiumLayoutPdf(browser, form, { twoPages: true });
  pdfs.imageOnly = await chromiumLayoutPdf(browser, form, { image: true });
  pdfs.changed = await chromiumLayoutPdf(browser, hospitalForm(fixtureRx, { quantity1: '3 盒' }));
  pdfs.reportlab = reportlabLayoutPdf(form);
  pdfs.sandbox = renderLayoutPdf({
    title: '沙箱示范医院（渝中） 电子处方',
    lines: viewLayoutFields(fixtureView).map(layoutLine),
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

async function check(name: string) {
  const pdf = pdfs[name];
  if (!pdf) throw new Error(`no ${name}`);
  return layoutCheckOf(fixtureRx, await readLayoutPdf(pdf), labels);
}

describe('layout files made by tools we did not write [R-LAYOUT][ST-EPC-02-007]', () => {
  it('Chromium print-to-PDF of a 处方笺 grid (Noto CJK embedded as Type 3 fonts with ToUnicode): every field matches [R-LAYOUT]', async () => {
    const fonts = pdfFonts(pdfs.chromium ?? Buffer.alloc(0));
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.every((f) => f.embedded && f.unicode && f.type === 'Type 3')).toBe(true);
    const c = await check('chromium');
    expect(c.readError).toBeNull();
    expect(c.fields.filter((f) => f.outcome !== 'matches')).toEqual([]);
    expect(c.outcome).toBe('matches');
    expect(c.fields.find((f) => f.key === 'quantity.1')?.inFile).toBe('2 盒');
    expect(c.fields.find((f) => f.key === 'certno')?.inFile).not.toContain('19780315');
  });

  it('ReportLab with an embedded WenQuanYi TrueType subset: every field matches [R-LAYOUT]', async () => {
    expect(pdfFonts(pdfs.reportlab ?? Buffer.alloc(0))).toContainEqual(
      expect.objectContaining({ type: 'TrueType', embedded: true, subset: true, unicode: true }),
    );
    const c = await check('reportlab');
    expect(c.fields.filter((f) => f.outcome !== 'matches')).toEqual([]);
  });

  it('a two-page prescription: drug lines on page 2 are found there and match [R-LAYOUT]', async () => {
    const c = await check('twoPages');
    expect(c.outcome).toBe('matches');
    expect(c.fields.find((f) => f.key === 'drug.1')?.page).toBe(2);
    expect(c.fields.find((f) => f.key === 'hiRxno')?.page).toBe(1);
  });

  it('one value changed (数量 3 盒 for 2 盒) differs, and only that field [R-LAYOUT]', async () => {
    const c = await check('changed');
    expect(c.outcome).toBe('differs');
    expect(c.fields.filter((f) => f.outcome === 'differs').map((f) => f.key)).toEqual([
      'quantity.1',
    ]);
  });

  it('an image-only layout is unread in every group — never a mismatch, never a match [R-LAYOUT]', async () => {
    const c = await check('imageOnly');
    expect(c.readError).toBeNull();
    expect(c.outcome).toBe('unread');
    expect(c.fields.every((f) => f.outcome === 'unread')).toBe(true);
    expect(c.unreadGroups.map((g) => g.group)).toEqual(['rx', 'patient', 'prescriber', 'drugs']);
  });

  it("our own sandbox's layout file keeps matching [R-LAYOUT]", async () => {
    const c = await check('sandbox');
    expect(c.fields.filter((f) => f.outcome !== 'matches')).toEqual([]);
  });

  it('a file that is not a PDF, or too large, is a read error with a Chinese reason; random bytes never throw [R-LAYOUT][ARCH]', async () => {
    expect(await readLayoutPdf(Buffer.from('hello'))).toMatchObject({ ok: false });
    const big = Buffer.alloc(MAX_LAYOUT_PDF_BYTES + 1, 0x20);
    big.write('%PDF-1.4');
    expect(await readLayoutPdf(big)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('超过'),
    });
    const good = pdfs.reportlab ?? Buffer.alloc(0);
    for (let i = 0; i < 30; i++) {
      const mutated = Buffer.from(good);
      for (let k = 0; k < 1 + (i % 8); k++) {
        mutated[Math.floor(Math.random() * mutated.length)] = Math.floor(Math.random() * 256);
      }
      for (const bytes of [
        randomBytes(1 + i * 7),
        good.subarray(0, (i * 997) % good.length),
        mutated,
      ]) {
        const r = await readLayoutPdf(bytes);
        if (!r.ok) expect(r.reason).toMatch(/[\u4e00-\u9fff]/);
        const c = layoutCheckOf(fixtureRx, r, labels);
        expect(c.fields.some((f) => f.outcome === 'matches' && f.inFile === null)).toBe(false);
      }
    }
  }, 60_000);
});
