import type { CSSProperties } from 'react';
import type { RiskSeverity } from '../../contract/types-risk';
import { workAreaScreen } from '../app/work-area-screen';

/** The risk screen covers the work area like the other Alt pages, beneath them. */
export const SCREEN: CSSProperties = workAreaScreen(497, { fontSize: 17 });
export const ROW: CSSProperties = {
  display: 'flex',
  gap: 10,
  flexWrap: 'wrap',
  alignItems: 'center',
};
export const DATE: CSSProperties = { fontSize: 18, height: 40, padding: '0 8px' };
export const CARD: CSSProperties = {
  border: '1px solid #c9d1dc',
  borderLeftWidth: 8,
  borderRadius: 8,
  padding: '10px 14px',
  display: 'flex',
  flexDirection: 'column',
  gap: 4,
  cursor: 'pointer',
};
export const SELECTED: CSSProperties = { outline: '3px solid #1677ff', outlineOffset: 1 };
export const CARD_TITLE: CSSProperties = { fontSize: 21, fontWeight: 700 };
export const MEASURE: CSSProperties = { fontSize: 19, fontWeight: 600 };
export const MUTED: CSSProperties = { color: '#3a4454', fontSize: 16 };

export const SEVERITY: Record<RiskSeverity, { label: string; color: string; background: string }> =
  {
    alert: { label: '重点', color: '#a8071a', background: '#fff1f0' },
    warn: { label: '关注', color: '#ad4e00', background: '#fff7e6' },
    info: { label: '正常', color: '#237804', background: '#f6ffed' },
  };
