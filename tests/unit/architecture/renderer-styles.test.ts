import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const RENDERER = 'src/renderer';

function filesUnder(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir)).flatMap((name) => {
    const rel = path.join(dir, name);
    return statSync(path.join(ROOT, rel)).isDirectory() ? filesUnder(rel) : [rel];
  });
}

const files = filesUnder(RENDERER);
const sources = files.filter((f) => /\.tsx?$/.test(f));
const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');

/**
 * The only inline styles: values computed at run time. Each site says so in a comment
 * (`// Run-time: …`) on the line before.
 */
const RUN_TIME_STYLES: Record<string, number> = {
  'src/renderer/settle/ReceiptPanel.tsx': 1, // width in ch from the receipt's column count
  'src/renderer/reports/charts/ColumnChart.tsx': 1, // max height from the chart's height
};

describe('renderer styling: CSS classes plus antd theme tokens, one approach', () => {
  it('has no style-object modules (*-styles.ts or exported CSSProperties) [issue16-4]', () => {
    const styleModules = sources.filter(
      (f) => /-styles\.tsx?$/.test(f) || /\bCSSProperties\b/.test(read(f)),
    );
    expect(styleModules).toEqual([]);
  });

  it('sets inline style only on the allow-listed run-time sites, each commented [issue16-4]', () => {
    const found: Record<string, number> = {};
    const uncommented: string[] = [];
    for (const file of sources) {
      const lines = read(file).split('\n');
      lines.forEach((line, i) => {
        // A `style` prop in JSX, or a `style` key handed to a row/cell (antd onRow, onCell).
        if (!/\bstyle=\{|\bstyle:\s*[{A-Z]/.test(line)) return;
        found[file] = (found[file] ?? 0) + 1;
        if (!/\/\/ Run-time:/.test(lines[i - 1] ?? '')) uncommented.push(`${file}:${i + 1}`);
      });
    }
    expect(found).toEqual(RUN_TIME_STYLES);
    expect(uncommented).toEqual([]);
  });

  it('every renderer stylesheet is imported, so no feature’s classes go missing [issue16-4]', () => {
    const imported = new Set(
      sources.flatMap((f) =>
        [...read(f).matchAll(/import\s+['"](\.[^'"]+\.css)['"]/g)].map((m) =>
          path.join(path.dirname(f), m[1] ?? ''),
        ),
      ),
    );
    const orphans = files.filter((f) => f.endsWith('.css') && !imported.has(f));
    expect(orphans).toEqual([]);
  });
});
