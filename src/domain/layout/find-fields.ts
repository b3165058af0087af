import type { CompiledLabels, DrugColumn, LabelTarget } from './label-set';
import type { LayoutTextPage } from './layout-text';
import { pageLines, type TextLine } from './text-lines';

/**
 * Finds the compared fields of a 处方笺 by label and geometry: a label then its value to the
 * right (up to the next label on the line) or, when nothing follows it, below it; a line with
 * two or more drug-column headers starts a table whose rows are cut into cells at the headers'
 * x positions (rows numbered across pages). Keys: field key (`hiRxno`), or `drug.1`,
 * `quantity.1`, `usage.1` for drug lines. The first occurrence of a field wins.
 */
export interface FoundValue {
  value: string;
  /** The label it was found under, as printed. */
  label: string;
  page: number;
  x: number;
  y: number;
}

interface Hit {
  start: number;
  end: number;
  x0: number;
  x1: number;
  target: LabelTarget;
  line: number | null;
}

const BELOW_LINES = 3;

function hitsIn(line: TextLine, labels: CompiledLabels): Hit[] {
  const hits: Hit[] = [];
  for (const m of line.text.matchAll(labels.pattern)) {
    const found = labels.targetOf(m[0]);
    if (!found) continue;
    const start = m.index;
    const end = start + m[0].length;
    hits.push({
      start,
      end,
      x0: line.xs[start] ?? 0,
      x1: (line.xs[end - 1] ?? 0) + line.size,
      ...found,
    });
  }
  return hits;
}

const clean = (s: string) =>
  s
    .replace(/^[\s:：]+/, '')
    .replace(/\s+/g, ' ')
    .trim();

/** The printed text of `line.text[start, end)` (matching happens in the folded text). */
const printed = (line: TextLine, start: number, end: number) =>
  line.origin.slice(start, end).join('');

interface Table {
  page: number;
  columns: Array<{ column: DrugColumn; x0: number; x1: number }>;
}

export function findLayoutFields(
  pages: readonly LayoutTextPage[],
  labels: CompiledLabels,
): Map<string, FoundValue> {
  const found = new Map<string, FoundValue>();
  const put = (key: string, v: FoundValue) => {
    if (v.value !== '' && !found.has(key)) found.set(key, v);
  };
  let table: Table | null = null;
  let row = 0;
  for (const page of pages) {
    const lines = pageLines(page);
    lines.forEach((line, index) => {
      const hits = hitsIn(line, labels);
      const fieldHits = hits.filter((h) => h.target.kind === 'field');
      const columnHits = hits.filter((h) => h.target.kind === 'column');
      if (fieldHits.length === 0 && columnHits.length >= 2) {
        table = { page: page.page, columns: columnsOf(columnHits) };
        return;
      }
      if (fieldHits.length > 0) table = null;
      if (table && table.page === page.page && hits.length === 0) {
        const cells = rowCells(line, table);
        if (!cells.name && (cells.quantity || cells.usage || cells.spec) && row > 0) {
          appendToRow(found, row, cells);
        } else if (cells.name) {
          row++;
          const at = { label: '药品表格', page: page.page, x: line.xs[0] ?? 0, y: line.y };
          put(`drug.${row}`, { ...at, value: [cells.name, cells.spec].filter(Boolean).join(' ') });
          put(`quantity.${row}`, { ...at, value: cells.quantity ?? '' });
          put(`usage.${row}`, { ...at, value: cells.usage ?? '' });
        }
        return;
      }
      hits.forEach((hit, i) => {
        if (hit.target.kind !== 'field') return;
        const key =
          hit.target.numbered && hit.line !== null
            ? `${hit.target.key}.${hit.line}`
            : hit.target.key;
        const next = hits[i + 1];
        const label = printed(line, hit.start, hit.end);
        const stop = next ? next.start : line.text.length;
        const right = clean(printed(line, hit.end, stop));
        if (right !== '') {
          const lead = printed(line, hit.end, stop).search(/[^\s:：]/);
          const at = line.xs[hit.end + Math.max(0, lead)] ?? hit.x1;
          put(key, { value: right, label, page: page.page, x: at, y: line.y });
          return;
        }
        const below = valueBelow(lines, index, hit, next, labels);
        if (below) put(key, { ...below, label, page: page.page });
      });
    });
  }
  return found;
}

function columnsOf(hits: Hit[]): Table['columns'] {
  return hits
    .filter((h) => h.target.kind === 'column')
    .sort((a, b) => a.x0 - b.x0)
    .map((h) => ({
      column: h.target.kind === 'column' ? h.target.column : 'other',
      x0: h.x0,
      x1: h.x1,
    }));
}

/** Each run of non-space text goes to the column whose header it starts after. */
function rowCells(line: TextLine, table: Table): Partial<Record<DrugColumn, string>> {
  const cells: Partial<Record<DrugColumn, string>> = {};
  for (const m of line.text.matchAll(/\S+/g)) {
    const x = line.xs[m.index] ?? 0;
    const cell = printed(line, m.index, m.index + m[0].length);
    let column = table.columns[0]?.column ?? 'other';
    table.columns.forEach((c, i) => {
      const previous = table.columns[i - 1];
      if (i > 0 && previous && x >= previous.x1 - 0.5) column = c.column;
    });
    if (column === 'other') continue;
    cells[column] = cells[column] ? `${cells[column]} ${cell}` : cell;
  }
  return cells;
}

/** A wrapped table row: its text belongs to the row above. */
function appendToRow(
  found: Map<string, FoundValue>,
  row: number,
  cells: Partial<Record<DrugColumn, string>>,
) {
  const add = (key: string, extra: string | undefined) => {
    const v = found.get(key);
    if (v && extra) found.set(key, { ...v, value: `${v.value}${extra}` });
  };
  add(`drug.${row}`, cells.spec);
  add(`quantity.${row}`, cells.quantity);
  add(`usage.${row}`, cells.usage);
}

function valueBelow(
  lines: TextLine[],
  index: number,
  hit: Hit,
  next: Hit | undefined,
  labels: CompiledLabels,
): Omit<FoundValue, 'label' | 'page'> | null {
  const line = lines[index];
  if (!line) return null;
  const lo = hit.x0 - 0.5 * line.size;
  const hi = next ? next.x0 : Number.POSITIVE_INFINITY;
  for (const below of lines.slice(index + 1)) {
    if (line.y - below.y > BELOW_LINES * line.size) return null;
    const stop = hitsIn(below, labels).find((h) => h.x0 >= lo && h.x0 < hi);
    let text = '';
    let x: number | null = null;
    for (let k = 0; k < below.text.length; k++) {
      const cx = below.xs[k] ?? 0;
      if (cx < lo || cx >= hi || (stop && cx >= stop.x0)) continue;
      x ??= cx;
      text += below.origin[k] ?? '';
    }
    const value = clean(text);
    if (value !== '' && x !== null) return { value, x, y: below.y };
    if (stop) return null;
  }
  return null;
}
