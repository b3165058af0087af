import type { CSSProperties } from 'react';
import { workAreaScreen } from '../app/work-area-screen';

/** The reports screen covers the work area like the paper and stock screens, beneath both. */
export const SCREEN: CSSProperties = workAreaScreen(498, { fontSize: 16 });
export const ROW: CSSProperties = {
  display: 'flex',
  gap: 8,
  flexWrap: 'wrap',
  alignItems: 'center',
};
export const TILES: CSSProperties = {
  display: 'grid',
  gridTemplateColumns: 'repeat(auto-fill, minmax(170px, 1fr))',
  gap: 10,
};
export const TILE: CSSProperties = {
  border: '1px solid #c9d1dc',
  borderRadius: 8,
  padding: '8px 12px',
  background: '#f7f9fc',
};
export const TILE_LABEL: CSSProperties = { fontSize: 15, color: '#3a4454' };
export const TILE_VALUE: CSSProperties = { fontSize: 24, fontWeight: 700, lineHeight: 1.3 };
export const TAB: CSSProperties = { fontSize: 17, height: 40 };
export const ALERT_ROW: CSSProperties = { background: '#fff1f0', fontWeight: 600 };
export const BIG_SHARE: CSSProperties = { fontSize: 56, fontWeight: 800, lineHeight: 1.1 };
