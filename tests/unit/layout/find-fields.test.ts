import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findLayoutFields } from '../../../src/domain/layout/find-fields';
import { compileLabels, parseLayoutLabelSet } from '../../../src/domain/layout/label-set';

const labels = compileLabels(
  parseLayoutLabelSet(
    JSON.parse(fs.readFileSync(path.join(process.cwd(), 'config/layout/default.json'), 'utf8')),
  ),
);

/** One text run a PDF engine may emit for a grid row whose value overflows into the next cell. */
const page = (str: string) => ({
  page: 1,
  width: 595,
  height: 842,
  items: [{ str, x: 40, y: 700, width: str.length * 6, size: 12 }],
});

describe('finding layout fields by label and geometry [R-LAYOUT]', () => {
  it('cuts a long number that runs into the next cell’s label at that label [R-LAYOUT][ST-EPC-02-007]', () => {
    const found = findLayoutFields(
      [page('医保处方编号：500103202612070700380000000014处方追溯码 KGNV1H601BXVZDFTR2N4')],
      labels,
    );
    expect(found.get('hiRxno')?.value).toBe('500103202612070700380000000014');
    expect(found.get('rxTraceCode')?.value).toBe('KGNV1H601BXVZDFTR2N4');
  });

  it('does not take a label-like word inside a Chinese value for a label [R-LAYOUT]', () => {
    const found = findLayoutFields([page('诊断： 原发性高血压 开方医师 周明远')], labels);
    expect(found.get('diagnosis')?.value).toBe('原发性高血压');
  });
});
