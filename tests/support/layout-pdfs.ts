import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium } from 'playwright-core';
import type { Out7203 } from '../../src/center/rx/fsi-72xx';

/**
 * Layout files (版式文件) made by tools we did not write, generated at test set-up from a
 * prescription's structured data the way hospital systems print their 处方笺: Chromium
 * print-to-PDF of an HTML grid (embedded Noto Sans CJK subset), ReportLab with an embedded
 * WenQuanYi TrueType subset, a two-page form, an image-only scan, and a changed value. Each
 * prints values the way hospitals do (dates in 年月日, masked ID number, 2 盒, 0.5g×20片, commas
 * in the usage), so the reader's normalisation is exercised, not bypassed.
 */
type RxData = Pick<Out7203, 'data' | 'mdtrtinfo' | 'rxdrugdetail'>;

export interface HospitalForm {
  title: string;
  cells: Array<[string, string]>;
  columns: string[];
  rows: string[][];
}

const text = (v: unknown) => (v === undefined || v === null ? '' : String(v).trim());

/** 2025-06-01 09:30:00 → 2025年06月01日 09:30 */
const chineseDate = (v: string) => {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}:\d{2})/.exec(v);
  return m ? `${m[1]}年${m[2]}月${m[3]}日 ${m[4]}` : v;
};
const maskedId = (v: string) => (v.length === 18 ? `${v.slice(0, 6)}********${v.slice(14)}` : v);

export function hospitalForm(
  rx: RxData,
  change: { quantity1?: string; patientName?: string } = {},
): HospitalForm {
  const d = rx.data;
  const m = rx.mdtrtinfo;
  return {
    title: `${text(d.fixmedins_name)} 处方笺`,
    cells: [
      ['处方编号', text(d.hi_rxno)],
      ['处方追溯码', text(d.rx_trace_code)],
      ['医疗机构', text(d.fixmedins_name)],
      ['机构编码', text(d.fixmedins_code)],
      ['姓名', change.patientName ?? text(m.patn_name)],
      ['身份证号', maskedId(text(m.certno))],
      ['开具时间', chineseDate(text(d.prsc_time))],
      ['有效期至', chineseDate(text(d.valid_end_time))],
      ['临床诊断', text(m.maindiag_name)],
      ['医师', text(m.prsc_dr_name)],
      ['审核药师', text(m.phar_name)],
    ],
    columns: ['药品名称', '规格', '数量', '用法用量'],
    rows: rx.rxdrugdetail.map((l, i) => [
      text(l.drug_genname),
      text(l.drug_spec).replace(/\*/g, '×'),
      i === 0 && change.quantity1 ? change.quantity1 : `${text(l.drug_cnt)} ${text(l.drug_dosunt)}`,
      [
        text(l.medc_way_dscr),
        l.sin_doscnt == null ? '' : `每次${text(l.sin_doscnt)}${text(l.sin_dosunt)}`,
        text(l.used_frqu_name),
        l.medc_days == null ? '' : `${text(l.medc_days)}天`,
      ]
        .filter(Boolean)
        .join('，'),
    ]),
  };
}

const esc = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);

export function formHtml(form: HospitalForm, opts: { twoPages?: boolean } = {}): string {
  const pairs: string[] = [];
  for (let i = 0; i < form.cells.length; i += 2) {
    const row = form.cells
      .slice(i, i + 2)
      .map(([l, v]) => `<td class="l">${esc(l)}</td><td>${esc(v)}</td>`)
      .join('');
    pairs.push(`<tr>${row}</tr>`);
  }
  const drugs = `<table class="drugs"><thead><tr>${form.columns
    .map((c) => `<th>${esc(c)}</th>`)
    .join('')}</tr></thead><tbody>${form.rows
    .map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;
  return `<!doctype html><html><head><meta charset="utf-8"><style>
    body { font-family: 'Noto Sans CJK SC'; font-size: 12pt; margin: 24px; }
    h1 { font-size: 18pt; text-align: center; }
    table { border-collapse: collapse; width: 100%; margin-bottom: 16px; }
    td, th { border: 1px solid #333; padding: 6px 10px; }
    td.l { width: 14%; background: #f3f3f3; }
    .next { break-before: page; }
  </style></head><body><h1>${esc(form.title)}</h1><table>${pairs.join('')}</table>${
    opts.twoPages ? '<div class="next"></div>' : ''
  }${drugs}</body></html>`;
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox'],
  });
}

/** Chromium print-to-PDF; `image`: a screenshot of the form printed as the only content (a scan). */
export async function chromiumLayoutPdf(
  browser: Browser,
  form: HospitalForm,
  opts: { twoPages?: boolean; image?: boolean } = {},
): Promise<Buffer> {
  const page = await browser.newPage({ viewport: { width: 794, height: 1123 } });
  try {
    await page.setContent(formHtml(form, opts));
    if (opts.image) {
      const png = await page.screenshot({ fullPage: true });
      await page.setContent(
        `<html><body style="margin:0"><img style="width:100%" src="data:image/png;base64,${png.toString('base64')}"></body></html>`,
      );
    }
    return await page.pdf({ format: 'A4', printBackground: true });
  } finally {
    await page.close();
  }
}

const REPORTLAB_SCRIPT = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  'layout-reportlab.py',
);

/** ReportLab (Debian python3-reportlab) with a WenQuanYi Zen Hei TrueType subset. */
export function reportlabLayoutPdf(form: HospitalForm): Buffer {
  return execFileSync('/usr/bin/python3', [REPORTLAB_SCRIPT], {
    input: JSON.stringify(form),
    maxBuffer: 16 * 1024 * 1024,
  });
}

/** poppler's pdffonts: name, type, embedded, subset, ToUnicode of every font the PDF uses. */
export function pdfFonts(
  pdf: Buffer,
): Array<{ name: string; type: string; embedded: boolean; subset: boolean; unicode: boolean }> {
  const out = execFileSync('pdffonts', ['-'], { input: pdf }).toString('utf8');
  return out
    .split('\n')
    .slice(2)
    .filter((l) => l.trim() !== '')
    .map((l) => {
      const cols = l.trim().split(/\s+/);
      const [emb, sub, uni] = cols.slice(-5, -2);
      return {
        name: cols[0] ?? '',
        type: cols.slice(1, -6).join(' '),
        embedded: emb === 'yes',
        subset: sub === 'yes',
        unicode: uni === 'yes',
      };
    });
}
