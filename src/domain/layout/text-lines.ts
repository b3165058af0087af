import type { LayoutTextPage } from './layout-text';
import { displayChar, foldChar } from './normalise';

/**
 * Items of one page regrouped into visual lines (same baseline), each a string of folded
 * characters with the x at which each one starts. A PDF engine splits a line into runs
 * anywhere (per font, per glyph with a Kangxi-radical mapping, per table cell or across cells),
 * so fields are found in these lines, not in the runs. A gap wider than a quarter of the font
 * size becomes one space: cell boundaries and spaces inside a value look alike on purpose.
 */
export interface TextLine {
  page: number;
  y: number;
  size: number;
  /** Folded (foldChar): what labels and values are matched in. */
  text: string;
  /** As the file states it (for display and plain text extraction). */
  raw: string;
  /** The printed character behind each UTF-16 unit of `text` ('' after the first of an expansion). */
  origin: string[];
  /** x of each UTF-16 unit of `text`. */
  xs: number[];
}

const SAME_LINE = 0.4;
const GAP = 0.25;

/** A CJK glyph is about one em wide, Latin about half: spreads a run's width over its characters. */
const weight = (ch: string) => (/[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFF60]/.test(ch) ? 1 : 0.55);

export function pageLines(page: LayoutTextPage): TextLine[] {
  const items = [...page.items].sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: Array<typeof items> = [];
  for (const item of items) {
    const row = rows.find((r) => {
      const first = r[0];
      return first && Math.abs(first.y - item.y) <= SAME_LINE * Math.max(first.size, item.size);
    });
    if (row) row.push(item);
    else rows.push([item]);
  }
  return rows.map((row) => {
    row.sort((a, b) => a.x - b.x);
    let text = '';
    let raw = '';
    const xs: number[] = [];
    const origin: string[] = [];
    let end = Number.NEGATIVE_INFINITY;
    const size = Math.max(...row.map((r) => r.size));
    for (const item of row) {
      if (text !== '' && item.x - end > GAP * size && !text.endsWith(' ')) {
        text += ' ';
        raw += ' ';
        xs.push(end);
        origin.push(' ');
      }
      const chars = [...item.str];
      const total = chars.reduce((s, ch) => s + weight(ch), 0) || 1;
      let at = 0;
      for (const ch of chars) {
        const x = item.x + (item.width * at) / total;
        at += weight(ch);
        const folded = /\s/.test(ch) ? ' ' : foldChar(ch);
        if (folded === ' ' && (text === '' || text.endsWith(' '))) continue;
        for (let k = 0; k < folded.length; k++) {
          xs.push(x);
          origin.push(k === 0 ? (folded === ' ' ? ' ' : displayChar(ch)) : '');
        }
        text += folded;
        raw += folded === ' ' ? ' ' : displayChar(ch);
      }
      end = Math.max(end, item.x + item.width);
    }
    const trimmed = text.trimEnd();
    return {
      page: page.page,
      y: row[0]?.y ?? 0,
      size,
      text: trimmed,
      raw: raw.trimEnd(),
      xs: xs.slice(0, trimmed.length),
      origin: origin.slice(0, trimmed.length),
    };
  });
}
