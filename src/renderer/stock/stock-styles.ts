import type { CSSProperties } from 'react';
import { workAreaScreen } from '../app/work-area-screen';

/** The stock screen covers the work area like the paper screen, just beneath it. */
export const SCREEN: CSSProperties = workAreaScreen(499);
export const ROW: CSSProperties = {
  display: 'flex',
  gap: 8,
  flexWrap: 'wrap',
  alignItems: 'center',
};
export const COLUMNS: CSSProperties = { display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 16 };
export const NEAR_ROW: CSSProperties = { background: '#fff7e6' };
export const EXPIRED_ROW: CSSProperties = { background: '#fff1f0' };
export const SELECTED_ROW: CSSProperties = { outline: '2px solid #1677ff' };
