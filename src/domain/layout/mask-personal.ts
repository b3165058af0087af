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

/** The runs of a page that `maskLayoutText` changes (a renderer paints these over). */
export function personalRuns<T extends { str: string }>(
  items: readonly T[],
  names: readonly string[],
): MaskedRun<T>[] {
  return items.flatMap((item) => {
    const masked = maskLayoutText(item.str, names);
    return masked === item.str ? [] : [{ item, masked }];
  });
}
