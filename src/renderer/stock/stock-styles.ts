import type { CSSProperties } from 'react';

/** The stock screen covers the work area like the paper screen, just beneath it. */
export const SCREEN: CSSProperties = {
  position: 'fixed',
  inset: '48px 0 40px 0',
  background: '#fff',
  overflow: 'auto',
  padding: 16,
  zIndex: 499,
  display: 'flex',
  flexDirection: 'column',
  gap: 12,
};
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
