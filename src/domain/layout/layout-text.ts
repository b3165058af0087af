/**
 * Positioned text of a layout file (版式文件) as a PDF engine reports it: one run of glyphs per
 * item, in PDF user space (origin bottom-left, y up), pages counted from 1. Produced by
 * src/center/rx/layout-pdf-items.ts, consumed by the field finder; plain data, so a reading can be
 * cached, printed by the CLI and fed to tests.
 */
export interface LayoutTextItem {
  str: string;
  x: number;
  /** Baseline. */
  y: number;
  width: number;
  /** Font size (the text matrix's vertical scale). */
  size: number;
}

export interface LayoutTextPage {
  page: number;
  width: number;
  height: number;
  items: LayoutTextItem[];
}

export type LayoutReading =
  | { ok: true; pages: LayoutTextPage[] }
  /** The file could not be opened as a PDF at all (not "no text": that is ok with empty items). */
  | { ok: false; reason: string };
