import type { CSSProperties } from 'react';
import { workAreaScreen } from '../app/work-area-screen';

/** The paper screen covers the counter's work area (below the top bar, above the hint bar). */
export const SCREEN: CSSProperties = workAreaScreen(500, { gap: 16 });
export const ROW: CSSProperties = {
  display: 'flex',
  gap: 8,
  flexWrap: 'wrap',
  alignItems: 'center',
};
export const COLUMNS: CSSProperties = { display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 16 };
export const STACK: CSSProperties = { display: 'flex', flexDirection: 'column', gap: 8 };
export const PREVIEW_IMG: CSSProperties = {
  maxWidth: '100%',
  maxHeight: 360,
  border: '1px solid #ddd',
};
export const PREVIEW_PDF: CSSProperties = {
  maxHeight: 480,
  overflow: 'auto',
  display: 'flex',
  flexDirection: 'column',
  gap: 8,
  border: '1px solid #ddd',
  padding: 8,
  background: '#f5f5f5',
};
