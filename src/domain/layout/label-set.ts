import { z } from 'zod';

/**
 * The labels hospitals print on their 处方笺 for each compared field, as data per region
 * (config/layout/<region>.json, default.json otherwise): a new hospital layout is a data change.
 * `fields`: label then value (to the right, or below). A synonym may contain `{n}` for a
 * numbered drug line (药品1：…). `columns`: the drug table's column headers.
 */
const synonyms = z.array(z.string().min(1)).min(1);

export const LAYOUT_FIELD_KEYS = [
  'hiRxno',
  'rxTraceCode',
  'fixmedinsName',
  'fixmedinsCode',
  'prscTime',
  'validEndTime',
  'patnName',
  'certno',
  'diagnosis',
  'doctor',
  'pharmacist',
  'drug',
  'quantity',
  'usage',
] as const;
export type LayoutFieldKey = (typeof LAYOUT_FIELD_KEYS)[number];

/** `other`: a column that is read past, not compared (序号, 单价 …). */
export const DRUG_COLUMNS = ['name', 'spec', 'quantity', 'usage', 'other'] as const;
export type DrugColumn = (typeof DRUG_COLUMNS)[number];

export const layoutLabelSetSchema = z
  .object({
    id: z.string().regex(/^(default|\d{6})$/),
    fields: z.partialRecord(z.enum(LAYOUT_FIELD_KEYS), synonyms),
    columns: z.partialRecord(z.enum(DRUG_COLUMNS), synonyms),
  })
  .strict();

export type LayoutLabelSet = z.infer<typeof layoutLabelSetSchema>;

export function parseLayoutLabelSet(json: unknown, where = '版式标签'): LayoutLabelSet {
  const r = layoutLabelSetSchema.safeParse(json);
  if (!r.success) {
    const issues = r.error.issues.map((i) => `${i.path.join('.') || '（根）'}：${i.message}`);
    throw new Error(`${where} 格式错误：${issues.join('；')}`);
  }
  if (!r.data.columns.name) throw new Error(`${where} 缺少药品名称列（columns.name）`);
  return r.data;
}

export type LabelTarget =
  | { kind: 'field'; key: LayoutFieldKey; numbered: boolean }
  | { kind: 'column'; column: DrugColumn };

export interface CompiledLabels {
  /** Every synonym, longest first, at a label boundary (start, space, colon, bar, letter or digit before it). */
  pattern: RegExp;
  targetOf(matched: string): { target: LabelTarget; line: number | null } | null;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const source = (synonym: string) => escapeRegExp(synonym).replace('\\{n\\}', '(\\d{1,2})');

export function compileLabels(set: LayoutLabelSet): CompiledLabels {
  const entries: Array<{ synonym: string; re: RegExp; target: LabelTarget }> = [];
  for (const key of LAYOUT_FIELD_KEYS) {
    for (const synonym of set.fields[key] ?? []) {
      const numbered = synonym.includes('{n}');
      entries.push({
        synonym,
        re: new RegExp(`^${source(synonym)}$`),
        target: { kind: 'field', key, numbered },
      });
    }
  }
  for (const column of DRUG_COLUMNS) {
    for (const synonym of set.columns[column] ?? []) {
      entries.push({
        synonym,
        re: new RegExp(`^${source(synonym)}$`),
        target: { kind: 'column', column },
      });
    }
  }
  entries.sort((a, b) => b.synonym.length - a.synonym.length);
  const alternatives = entries.map((e) => source(e.synonym).replace('(\\d{1,2})', '\\d{1,2}'));
  // A label also starts right after a Latin letter or digit: a long number (a 30-digit 医保处方编号)
  // overflowing its cell runs into the next cell's label with no gap in several hospitals' forms.
  const pattern = new RegExp(
    `(?<=^|[\\s:：|｜]|[0-9A-Za-z])(?:${alternatives.join('|')})(?=[\\s:：]|$)`,
    'g',
  );
  return {
    pattern,
    targetOf(matched) {
      for (const e of entries) {
        const m = e.re.exec(matched);
        if (m) return { target: e.target, line: m[1] === undefined ? null : Number(m[1]) };
      }
      return null;
    },
  };
}
