import { yuanText } from '../../../domain/money';

/**
 * A report laid out for export: what CSV, XLSX and PDF write, each in its own way. Values stay
 * raw (fen, ms, 0..1) so every format renders them itself (XLSX keeps numbers as numbers).
 */
export type ColumnKind = 'text' | 'int' | 'decimal' | 'yuan' | 'percent' | 'seconds';

export interface Column {
  header: string;
  kind: ColumnKind;
}

/** text: string; int/decimal: number; yuan: fen; percent: 0..1; seconds: milliseconds. */
export type Cell = string | number | null;

export interface Section {
  title?: string;
  columns: Column[];
  rows: Cell[][];
  totals?: Cell[];
}

/** Stacked bars, one per category, with an optional reference line (e.g. the 70% line). */
export interface BarChart {
  title: string;
  series: Array<{ name: string; color: [number, number, number] }>;
  categories: Array<{ label: string; values: number[] }>;
  unit: string;
  reference?: { value: number; label: string };
  /** Fixed top of the value axis (e.g. 100 for percentages); otherwise from the data. */
  max?: number;
}

export interface ReportDocument {
  /** Chinese file-name stem: report and period. */
  fileStem: string;
  title: string;
  periodText: string;
  summary: Array<[string, string]>;
  sections: Section[];
  chart?: BarChart;
}

/** A cell as text (CSV, PDF). */
export function cellText(kind: ColumnKind, value: Cell): string {
  if (value === null || value === '') return '';
  if (typeof value === 'string') return value;
  switch (kind) {
    case 'yuan':
      return yuanText(value);
    case 'percent':
      return `${(value * 100).toFixed(1)}%`;
    case 'seconds':
      return (value / 1000).toFixed(1);
    case 'decimal':
      return Number.isInteger(value) ? String(value) : value.toFixed(2);
    default:
      return String(value);
  }
}
