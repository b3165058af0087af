import type { CSSProperties } from 'react';

/**
 * An Alt page covering the counter's work area (below the top bar, above the hint bar). Pages
 * stack by `zIndex` (paper 500, stock 499, reports 498, risk 497) so the newest opened is not
 * hidden by an older one beneath.
 */
export function workAreaScreen(zIndex: number, extra: CSSProperties = {}): CSSProperties {
  return {
    position: 'fixed',
    inset: '48px 0 40px 0',
    background: '#fff',
    overflow: 'auto',
    padding: 16,
    zIndex,
    display: 'flex',
    flexDirection: 'column',
    gap: 12,
    ...extra,
  };
}
