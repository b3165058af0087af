import {
  A4,
  cjkPdf,
  strokeLine,
  textLine,
  textLineRight,
  textWidth,
  wrapToWidth,
} from '../../../domain/pdf/cjk-text-pdf';
import type { ReceiptData } from './receipt-data';

const MARGIN = 48;
const LEFT = MARGIN;
const RIGHT = A4.width - MARGIN;
const SIZE = 10.5;
const LEADING = 15;
const INDENT = 2 * SIZE;
const GREY = [0.6, 0.6, 0.6] as const;

/** Pages of content streams, a new page when the current one is full. */
class Pages {
  readonly done: string[] = [];
  private ops: string[] = [];
  private y = A4.height - MARGIN;

  /** The baseline of the next line of height `leading`. */
  private next(leading: number): number {
    if (this.y - leading < MARGIN) {
      this.done.push(this.ops.join('\n'));
      this.ops = [];
      this.y = A4.height - MARGIN;
    }
    this.y -= leading;
    return this.y;
  }

  title(text: string): void {
    for (const l of wrapToWidth(text, 16, RIGHT - LEFT))
      this.ops.push(textLine(LEFT, this.next(24), 16, l));
  }

  text(text: string, indent = 0): void {
    for (const l of wrapToWidth(text, SIZE, RIGHT - LEFT - indent)) {
      this.ops.push(textLine(LEFT + indent, this.next(LEADING), SIZE, l));
    }
  }

  /** `left` at the margin and `right` ending at the right margin, on one line when both fit. */
  spread(left: string, right: string, indent = 0): void {
    const room = RIGHT - LEFT - indent - textWidth(right, SIZE) - SIZE;
    const head = wrapToWidth(left, SIZE, RIGHT - LEFT - indent);
    const last = head.pop() ?? '';
    for (const l of head) this.text(l, indent);
    if (textWidth(last, SIZE) > room) this.text(last, indent);
    const y = this.next(LEADING);
    if (textWidth(last, SIZE) <= room) this.ops.push(textLine(LEFT + indent, y, SIZE, last));
    this.ops.push(textLineRight(RIGHT, y, SIZE, right));
  }

  rule(): void {
    const y = this.next(LEADING / 2) + LEADING / 4;
    this.ops.push(strokeLine({ x: LEFT, y }, { x: RIGHT, y }, GREY));
  }

  finish(): string[] {
    this.done.push(this.ops.join('\n'));
    return this.done;
  }
}

/**
 * An A4 receipt (src/domain/pdf/cjk-text-pdf.ts): labels at the left margin, ids and amounts
 * right-aligned on the right margin by the font's real glyph widths.
 */
export function a4ReceiptPdf(r: ReceiptData): Buffer {
  const p = new Pages();
  p.title(`${r.pharmacyName} ${r.title}`);
  p.rule();
  for (const [k, v] of r.rows) p.spread(`${k}：`, v);
  p.rule();
  for (const l of r.lines) {
    p.text(l.name);
    p.spread(l.qty, l.total, INDENT);
    for (const n of l.notes) p.text(`* ${n}`, INDENT);
    for (const c of l.codes) p.text(c, INDENT);
  }
  p.rule();
  for (const [k, v] of r.totals) p.spread(k, v);
  p.rule();
  for (const f of r.footer) p.text(f);
  if (r.guidance && r.guidance.length > 0) {
    p.rule();
    p.title('用药指导');
    for (const g of r.guidance) p.text(g);
  }
  return cjkPdf(p.finish());
}
