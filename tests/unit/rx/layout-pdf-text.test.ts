import { randomBytes } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { layoutLine } from '../../../src/center/rx/layout-fields';
import { extractLayoutLines, MAX_LAYOUT_PDF_BYTES } from '../../../src/center/rx/layout-pdf-text';
import { pickSignedFields } from '../../../src/center/rx/rx-file';
import { renderLayoutPdf } from '../../../src/sandbox/hospital/layout-pdf';
import { buildRxView, viewLayoutFields } from '../../../src/sandbox/rx/rx-view';

const upload = {
  prscTime: '2025-06-01 09:30:00',
  valiDays: 3,
  rxTypeCode: '1',
  rxdrugdetail: [
    {
      medListCodg: 'XA10BAA115A001010104107',
      drugGenname: '盐酸二甲双胍片',
      drugSpec: '0.5g*20片',
      drugCnt: 2,
      drugDosunt: '盒',
      sinDoscnt: 1,
      sinDosunt: '片',
      usedFrquName: '每日一次',
      medcWayDscr: '口服',
      medcDays: 14,
    },
    { medListCodg: 'XA10ABD050B002010184032', drugGenname: '门冬胰岛素注射液', drugCnt: 1 },
  ],
  mdtrtinfo: { prscDrName: '周明远', maindiagName: '2型糖尿病（伴并发症）' },
  diseinfo: [{ diagCode: 'E11.900', diagName: '2型糖尿病', maindiagFlag: '1' }],
};
const signed = pickSignedFields({
  hiRxno: '500103202506010930000000000001',
  rxTraceCode: 'ABCDEFGHJK0123456789',
  fixmedinsCode: 'H50010300001',
  fixmedinsName: '沙箱示范医院（渝中）',
  patnName: '张伟',
  certno: '500103197803151238',
  pharName: '刘佳琪',
});

function pdfOf(objects: string[]): Buffer {
  let out = '%PDF-1.7\n';
  objects.forEach((o, i) => {
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  return Buffer.from(`${out}trailer\n<< /Root 1 0 R >>\n%%EOF\n`, 'latin1');
}

function stream(content: Buffer, flate = false): string {
  const data = flate ? deflateSync(content) : content;
  const filter = flate ? ' /Filter /FlateDecode' : '';
  return `<< /Length ${data.length}${filter} >>\nstream\n${data.toString('latin1')}\nendstream`;
}

const PAGE_OBJECTS = (content: string, fonts = '/F1 5 0 R /F2 6 0 R') => [
  '<< /Type /Catalog /Pages 2 0 R >>',
  '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
  `<< /Type /Page /Parent 2 0 R /Resources << /Font << ${fonts} >> >> /Contents 4 0 R >>`,
  content,
  '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H >>',
  '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
];

describe('layout PDF: render (sandbox hospital) and read back (app) [R-LAYOUT][ST-EPC-02-007]', () => {
  it('round-trips every layout field of a prescription as one line each [R-LAYOUT]', () => {
    const view = buildRxView(upload, signed);
    const lines = viewLayoutFields(view).map(layoutLine);
    expect(lines).toContain('药品1：盐酸二甲双胍片 0.5g*20片');
    expect(lines).toContain('用法1：口服 每次1片 每日一次 14天');
    expect(lines).toContain('诊断：2型糖尿病（伴并发症）');
    expect(lines).toContain('有效期至：2025-06-04 09:30:00');
    const pdf = renderLayoutPdf({ title: '沙箱示范医院（渝中） 电子处方', lines });
    expect(pdf.subarray(0, 8).toString('latin1')).toBe('%PDF-1.4');
    expect(pdf.toString('latin1')).toContain('/STSong-Light');
    expect(pdf.toString('latin1')).toContain('/UniGB-UCS2-H');
    expect(extractLayoutLines(pdf)).toEqual({
      ok: true,
      lines: ['沙箱示范医院（渝中） 电子处方', ...lines],
    });
    expect(renderLayoutPdf({ title: 't', lines })).toEqual(renderLayoutPdf({ title: 't', lines }));
  });

  it('writes a correct xref table (every offset points at its object) [ARCH]', () => {
    const pdf = renderLayoutPdf({ title: '标题', lines: ['患者姓名：张伟'] }).toString('latin1');
    const xref = pdf.slice(pdf.indexOf('xref\n'));
    const offsets = [...xref.matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
    expect(offsets).toHaveLength(7);
    offsets.forEach((off, i) => {
      expect(pdf.slice(off, off + 10)).toMatch(new RegExp(`^${i + 1} 0 obj`));
    });
    const startxref = Number(/startxref\n(\d+)/.exec(pdf)?.[1]);
    expect(pdf.slice(startxref, startxref + 4)).toBe('xref');
  });

  it('reads FlateDecode streams, TJ arrays, literal strings with escapes and Latin-1 simple fonts [R-LAYOUT]', () => {
    const content = Buffer.from(
      [
        'BT /F1 12 Tf 1 0 0 1 50 800 Tm <60A3800559D3540D> Tj ET',
        'BT /F1 12 Tf 50 780 Td [<836F54C1> -120 <0031FF1A> 5 <963F83AB897F6797> ] TJ ET',
        'BT /F2 10 Tf 50 760 Td (Total \\(CNY\\): 25.00\\051) Tj T* (second) Tj ET',
        'BT /F1 10 Tf 50 740 Td (\\000A\\000B) Tj ET',
      ].join('\n'),
      'latin1',
    );
    const expected = ['患者姓名', '药品1：阿莫西林', 'Total (CNY): 25.00)', 'second', 'AB'];
    for (const flate of [false, true]) {
      expect(extractLayoutLines(pdfOf(PAGE_OBJECTS(stream(content, flate))))).toEqual({
        ok: true,
        lines: expected,
      });
    }
  });

  it('refuses what is not a readable PDF, with a Chinese reason [R-LAYOUT]', () => {
    const notPdf = extractLayoutLines(Buffer.from('hello'));
    expect(notPdf).toEqual({ ok: false, reason: '版式文件不是 PDF 文件' });
    expect(extractLayoutLines(pdfOf(['<< /Type /Catalog >>']))).toMatchObject({ ok: false });
    const noText = extractLayoutLines(pdfOf(PAGE_OBJECTS(stream(Buffer.from('0 0 m 10 10 l S')))));
    expect(noText).toEqual({ ok: false, reason: '版式文件中未找到可读取的文字' });
    const big = Buffer.alloc(MAX_LAYOUT_PDF_BYTES + 1, 0x20);
    big.write('%PDF-1.4');
    expect(extractLayoutLines(big)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('超过'),
    });
    const bomb = deflateSync(Buffer.alloc(20 * 1024 * 1024, 0x41));
    const res = extractLayoutLines(
      pdfOf(
        PAGE_OBJECTS(
          `<< /Length ${bomb.length} /Filter /FlateDecode >>\nstream\n${bomb.toString('latin1')}\nendstream`,
        ),
      ),
    );
    expect(res.ok).toBe(false);
  });

  it('never throws on random, truncated or mutated bytes (fuzz) [ARCH]', () => {
    const good = renderLayoutPdf({
      title: '标题',
      lines: ['患者姓名：张伟', '药品1：阿莫西林胶囊 0.25g*24粒'],
    });
    const started = Date.now();
    for (let i = 0; i < 400; i++) {
      const inputs = [
        randomBytes(1 + (i % 300)),
        good.subarray(0, Math.floor(Math.random() * good.length)),
        Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(200)]),
      ];
      const mutated = Buffer.from(good);
      for (let k = 0; k < 1 + (i % 8); k++) {
        mutated[Math.floor(Math.random() * mutated.length)] = Math.floor(Math.random() * 256);
      }
      inputs.push(mutated);
      for (const bytes of inputs) {
        const r = extractLayoutLines(bytes);
        expect(typeof r.ok).toBe('boolean');
        if (!r.ok) expect(r.reason).toMatch(/[\u4e00-\u9fff]/);
      }
    }
    expect(Date.now() - started).toBeLessThan(20_000);
  });
});
