/**
 * National code shapes checked where a code enters the counter (004 ST-EPC-02-002: institution,
 * drug and pharmacist codes transmitted "按国家医保新编码标准"). The seeds name the standard but
 * give no layout, so only what the public record makes certain is checked (docs/decisions.md
 * D41); the pharmacist code's shape is src/domain/pharmacist-code.ts (D30).
 */

/**
 * 定点医药机构代码: 12 characters (the msgid is this code + 14-digit time + 4-digit serial,
 * research §2), an upper-case letter (H hospitals, as every code seen) then 11 digits.
 */
const INSTITUTION_CODE = /^[A-Z]\d{11}$/;

/** Why the code is not a national institution code, or null when it has the shape of one. */
export function institutionCodeProblem(code: string): string | null {
  if (code.length !== 12) return `定点医药机构代码应为 12 位（现为 ${code.length} 位）`;
  if (!INSTITUTION_CODE.test(code)) {
    return '定点医药机构代码应为 1 位大写字母加 11 位数字，如 P50010300001';
  }
  return null;
}

/**
 * 医保药品代码 (med_list_codg) of an insurance-catalogue drug: upper-case letters and digits,
 * beginning with a letter (X 西药, Z 中成药 …), at most 50 characters. The full national layout
 * (e.g. 23 characters for 西药) is not in the public record and is not enforced.
 */
const DRUG_CODE = /^[A-Z][A-Z0-9]*$/;
const DRUG_CODE_MAX = 50;

/** Why the code is not a national insurance drug code, or null when it has the shape of one. */
export function drugCodeProblem(code: string): string | null {
  if (code.length === 0) return '医保药品代码不能为空';
  if (code.length > DRUG_CODE_MAX) return `医保药品代码超过 ${DRUG_CODE_MAX} 位`;
  if (!DRUG_CODE.test(code)) {
    return '医保药品代码应由大写字母和数字组成、以字母开头（如 XJ01CAA040A001010100435），不含空格、小写字母或符号';
  }
  return null;
}
