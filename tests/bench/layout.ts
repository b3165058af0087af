import fs from 'node:fs';
import path from 'node:path';
import { layoutLine } from '../../src/center/rx/layout-fields';
import { readLayoutPdf } from '../../src/center/rx/layout-pdf-items';
import { parseLayoutLabelSet } from '../../src/domain/layout/label-set';
import { renderLayoutPdf } from '../../src/sandbox/hospital/layout-pdf';
import { viewLayoutFields } from '../../src/sandbox/rx/rx-view';
import { layoutCheckOf } from '../../src/services/rx-layout-check';
import {
  chromiumLayoutPdf,
  hospitalForm,
  launchChromium,
  reportlabLayoutPdf,
} from '../support/layout-pdfs';
import { fixtureRx, fixtureView } from '../unit/layout/fixture-rx';
import { type BenchRow, percentiles } from './table';

const AREA = '版式核对 layout';
const RUNS = 60;
const TARGET_MS = 50;

/**
 * Reading and comparing a one-page layout file at the counter (R-LAYOUT, issue 13): pdf.js text
 * extraction of the whole file, field finding and the per-field comparison, as on first opening
 * a prescription (no cached reading). Target < 50 ms.
 */
export async function benchLayout(): Promise<BenchRow[]> {
  const labels = parseLayoutLabelSet(
    JSON.parse(fs.readFileSync(path.join(process.cwd(), 'config/layout/default.json'), 'utf8')),
  );
  const browser = await launchChromium();
  const form = hospitalForm(fixtureRx);
  const files: Array<[string, Buffer]> = [];
  try {
    files.push(['Chromium 打印（Type 3 字体）', await chromiumLayoutPdf(browser, form)]);
  } finally {
    await browser.close();
  }
  files.push(['ReportLab（TrueType 子集）', reportlabLayoutPdf(form)]);
  files.push([
    '沙箱自带（STSong + CMap）',
    renderLayoutPdf({
      title: '沙箱 电子处方',
      lines: viewLayoutFields(fixtureView).map(layoutLine),
    }),
  ]);
  const rows: BenchRow[] = [];
  for (const [name, pdf] of files) {
    const once = async () => {
      const check = layoutCheckOf(fixtureRx, await readLayoutPdf(pdf), labels);
      if (check.outcome !== 'matches') throw new Error(`bench layout ${name}: ${check.outcome}`);
    };
    for (let i = 0; i < 5; i++) await once();
    const samples: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      await once();
      samples.push(performance.now() - t);
    }
    const { median, p99 } = percentiles(samples);
    const note = `${Math.round(pdf.length / 1024)} KB, ${RUNS} runs, target < ${TARGET_MS} ms`;
    rows.push({ area: AREA, name: `${name} 读取+核对 median`, value: median, unit: 'ms', note });
    rows.push({
      area: AREA,
      name: `${name} 读取+核对 p99`,
      value: p99,
      unit: 'ms',
      note,
      target: { op: '<', limit: TARGET_MS },
    });
  }
  return rows;
}
