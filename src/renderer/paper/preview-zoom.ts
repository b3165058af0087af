/** Zoom steps of the prescription preview; 'fit' shows the whole page in the box. */
export type PreviewZoom = 'fit' | number;

const STEPS = [1, 1.5, 2, 3, 4] as const;

/** The next step up (+) or down (−); below the first step is fit again. */
export function stepZoom(zoom: PreviewZoom, direction: 1 | -1): PreviewZoom {
  const at = zoom === 'fit' ? -1 : STEPS.indexOf(zoom as (typeof STEPS)[number]);
  const next = at + direction;
  if (next < 0) return 'fit';
  return STEPS[Math.min(STEPS.length - 1, next)] ?? 'fit';
}

/**
 * What a key does to the zoom: + / = enlarges, − shrinks, Home fits; anything else nothing.
 * Not a digit or letter for fit: the scanner capture keeps those from anything but a field.
 */
export function zoomForKey(zoom: PreviewZoom, key: string): PreviewZoom | null {
  if (key === '+' || key === '=') return stepZoom(zoom, 1);
  if (key === '-' || key === '_') return stepZoom(zoom, -1);
  if (key === 'Home') return 'fit';
  return null;
}

export const zoomLabel = (zoom: PreviewZoom) =>
  zoom === 'fit' ? '适应窗口' : `${Math.round(zoom * 100)}%`;
