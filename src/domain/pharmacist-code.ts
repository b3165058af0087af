/**
 * 医保药师代码 (national insurance pharmacist code, 004 ST-EPC-02-002: transmitted "按国家医保新编码
 * 标准"). The seeds name the standard but not its layout; the shape used here is the one of the
 * center's pharmacist registry (sandbox and demo data): 'Y', the 6-digit administrative division
 * of the registering region, a 6-digit serial — e.g. Y500103000123. See docs/decisions.md.
 */
const PHARMACIST_CODE = /^Y(\d{6})(\d{6})$/;

/** The code as staff type it: trimmed, upper-case. */
export function normalisePharmacistCode(code: string): string {
  return code.trim().toUpperCase();
}

/** Why the code is not a national pharmacist code, or null when it has the shape of one. */
export function pharmacistCodeProblem(code: string): string | null {
  const normal = normalisePharmacistCode(code);
  if (!normal) return '执业药师须登记医保药师代码';
  const match = PHARMACIST_CODE.exec(normal);
  if (!match)
    return '医保药师代码格式应为 Y + 6 位行政区划代码 + 6 位顺序号（共 13 位），如 Y500103000123';
  const province = Number((match[1] ?? '').slice(0, 2));
  // GB/T 2260 province codes run from 11 (北京) to 82 (澳门)
  if (province < 11 || province > 82) return '医保药师代码中的行政区划代码无效';
  return null;
}
