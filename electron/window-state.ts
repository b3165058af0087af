/** Where the counter's window opens: maximised at first, then as the pharmacist left it. */

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  bounds: Rect;
  maximized: boolean;
}

/** The smallest window: fits the work area of a 1366×768 screen with a taskbar. */
export const MIN_WINDOW = { width: 1024, height: 700 } as const;

const isInt = (v: unknown): v is number => Number.isInteger(v) && Math.abs(v as number) < 100_000;

/** The saved JSON (window-state.json in userData) when well-formed, else null. */
export function parseWindowState(value: unknown): WindowState | null {
  const v = value as { bounds?: Partial<Rect>; maximized?: unknown } | null;
  const b = v?.bounds;
  if (!b || !isInt(b.x) || !isInt(b.y) || !isInt(b.width) || !isInt(b.height)) return null;
  if (b.width <= 0 || b.height <= 0 || typeof v.maximized !== 'boolean') return null;
  return { bounds: { x: b.x, y: b.y, width: b.width, height: b.height }, maximized: v.maximized };
}

function overlap(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(v, hi));

/**
 * The saved bounds when at least half of the window lies on a display that is still there
 * (a second monitor unplugged, a resolution lowered), shrunk and moved to fit that display's
 * work area; otherwise none, and the window opens maximised on the primary display.
 */
export function placeWindow(
  saved: WindowState | null,
  workAreas: readonly Rect[],
): { bounds: Rect | null; maximized: boolean } {
  if (!saved) return { bounds: null, maximized: true };
  const area = saved.bounds.width * saved.bounds.height;
  const best = [...workAreas].sort(
    (a, b) => overlap(b, saved.bounds) - overlap(a, saved.bounds),
  )[0];
  if (!best || overlap(best, saved.bounds) * 2 < area) return { bounds: null, maximized: true };
  const width = clamp(saved.bounds.width, Math.min(MIN_WINDOW.width, best.width), best.width);
  const height = clamp(saved.bounds.height, Math.min(MIN_WINDOW.height, best.height), best.height);
  return {
    bounds: {
      width,
      height,
      x: clamp(saved.bounds.x, best.x, best.x + best.width - width),
      y: clamp(saved.bounds.y, best.y, best.y + best.height - height),
    },
    maximized: saved.maximized,
  };
}
