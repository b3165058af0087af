/**
 * Okabe–Ito colours (told apart with every common colour-vision deficiency), each paired with a
 * fill pattern so a series is recognisable in grey print as well; every legend names it too.
 */
export type PatternKind = 'solid' | 'stripes' | 'dots' | 'cross' | 'backslash';

export interface SeriesStyle {
  key: string;
  label: string;
  color: string;
  pattern: PatternKind;
}

export const OKABE_ITO = {
  blue: '#0072B2',
  orange: '#E69F00',
  green: '#009E73',
  vermillion: '#D55E00',
  purple: '#CC79A7',
  sky: '#56B4E9',
} as const;

export const INK = '#1a1f29';
export const GRID = '#c9d1dc';
