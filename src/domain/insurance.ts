/** Code tables of the insurance platform used on screens. Unknown codes are shown as-is. */
export const INSUTYPE_LABELS: Record<string, string> = {
  '310': '职工基本医疗保险',
  '320': '公务员医疗补助',
  '330': '大额医疗费用补助',
  '340': '离休人员医疗保障',
  '390': '城乡居民基本医疗保险',
  '392': '城乡居民大病医疗保险',
  '510': '生育保险',
};

export const INSU_STATUS_LABELS: Record<string, string> = {
  '1': '正常参保',
  '2': '暂停参保',
  '4': '终止参保',
};

export const GENDER_LABELS: Record<string, string> = { '1': '男', '2': '女', '9': '未说明' };

export const CERT_TYPE_LABELS = {
  '01': '医保电子凭证',
  '02': '居民身份证',
  '03': '社会保障卡',
} as const;

export type MdtrtCertType = keyof typeof CERT_TYPE_LABELS;

export function labelOf(table: Record<string, string>, code: string): string {
  return table[code] ?? code;
}

/** Converts a yuan amount as the platform sends it (number or numeric string) to integer fen. */
export function yuanToFen(value: unknown): number {
  const n = typeof value === 'number' ? value : Number(String(value ?? '0'));
  if (!Number.isFinite(n)) return 0;
  return Math.round(n * 100);
}

/** Two ID numbers name the same person (the check letter X in either case). */
export function sameIdNumber(a: string, b: string): boolean {
  const norm = (s: string) => s.trim().toUpperCase();
  return norm(a) !== '' && norm(a) === norm(b);
}
