import { maskIdNumber, maskName, maskPhone } from '../mask';
import { ID_NUMBER, MOBILE } from '../mask-text';

/**
 * Personal data in what the screen shows of a layout file (版式文件), its comparison table and
 * its drawn preview alike: ID numbers, mobile numbers and the patient's name (as the data and the file state it), masked as on
 * every other screen. One function for both, so the preview never shows what the table hides.
 */
export function maskLayoutText(text: string, names: readonly string[]): string {
  let out = text.replace(ID_NUMBER, (m) => maskIdNumber(m)).replace(MOBILE, (m) => maskPhone(m));
  for (const raw of names) {
    const name = raw.trim();
    if ([...name].length >= 2) out = out.replaceAll(name, maskName(name));
  }
  return out;
}

/** Where a drawn layout page shows personal data (PDF user space, baseline y) and what to draw instead. */
export interface LayoutMask {
  page: number;
  x: number;
  y: number;
  width: number;
  size: number;
  text: string;
}

/** The masks of every page of a layout file's reading, for its drawn preview. */
export function layoutMasks(
  pages: readonly { page: number; items: readonly LayoutTextItemLike[] }[],
  names: readonly string[],
): LayoutMask[] {
  return pages.flatMap((p) =>
    personalRuns(p.items, names).map(({ item, masked }) => ({
      page: p.page,
      x: item.x,
      y: item.y,
      width: item.width,
      size: item.size,
      text: masked,
    })),
  );
}

interface LayoutTextItemLike {
  str: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

/** A run of a page's text that holds personal data: where it is and what is drawn instead. */
export interface MaskedRun<T> {
  item: T;
  masked: string;
}

/**
 * The runs of a page that `maskLayoutText` changes (a renderer paints these over). A hospital's
 * PDF may split one value over several runs (李 + 秀英, or an ID number in two pieces), so each
 * line's runs are also read joined, left to right; every run a masked value touches is painted.
 * Masking keeps a value's length, so a joined line's masked text is sliced back run by run.
 */
export function personalRuns<T extends { str: string; x?: number; y?: number; size?: number }>(
  items: readonly T[],
  names: readonly string[],
): MaskedRun<T>[] {
  const masked = new Map<T, string>();
  for (const item of items) masked.set(item, maskLayoutText(item.str, names));
  for (const line of linesOf(items)) {
    const joined = line.map((item) => masked.get(item) ?? item.str).join('');
    const again = maskLayoutText(joined, names);
    if (again === joined || again.length !== joined.length) continue;
    let at = 0;
    for (const item of line) {
      const length = (masked.get(item) ?? item.str).length;
      masked.set(item, again.slice(at, at + length));
      at += length;
    }
  }
  return items.flatMap((item) => {
    const text = masked.get(item) ?? item.str;
    return text === item.str ? [] : [{ item, masked: text }];
  });
}

/** Runs on one baseline (within a third of the text size), left to right; runs without a position stand alone. */
function linesOf<T extends { x?: number; y?: number; size?: number }>(items: readonly T[]): T[][] {
  const placed = items.filter((i) => i.x !== undefined && i.y !== undefined);
  const lines: T[][] = [];
  for (const item of [...placed].sort((a, b) => (b.y ?? 0) - (a.y ?? 0))) {
    const line = lines.find((l) => {
      const first = l[0];
      const tolerance = Math.max(first?.size ?? 0, item.size ?? 0, 1) / 3;
      return first !== undefined && Math.abs((first.y ?? 0) - (item.y ?? 0)) <= tolerance;
    });
    if (line) line.push(item);
    else lines.push([item]);
  }
  return lines.map((l) => l.sort((a, b) => (a.x ?? 0) - (b.x ?? 0)));
}
