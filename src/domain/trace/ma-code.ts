/**
 * MA code (码上放心 / IDcode, issuing agency "MA" under ISO/IEC 15459): `MA.` + dot-separated
 * segments, e.g. `MA.156.M0.100000.ABC123.S0001`. The public documents we found do not fix the
 * segment meanings, so parsing is conservative: prefix `MA.` (any case), a 3-digit country code,
 * at least two more non-empty segments of letters, digits, `-` and `/`, at most 100 characters
 * (the width of 3505 `drug_trac_codg`). The whole code is the pack's identity.
 */
export interface MaCode {
  code: string;
  country: string;
  segments: string[];
}

export type MaResult = { ok: true; value: MaCode } | { ok: false; reason: string };

export function looksLikeMa(text: string): boolean {
  return /^ma\./i.test(text);
}

export function parseMaCode(text: string): MaResult {
  if (text.length > 100) return { ok: false, reason: 'MA码超过100个字符' };
  const [, country, ...rest] = text.split('.');
  if (!country || !/^\d{3}$/.test(country)) {
    return { ok: false, reason: 'MA码第二段应为3位国家代码（如 156）' };
  }
  if (rest.length < 2 || rest.some((s) => !/^[0-9A-Za-z/-]+$/.test(s))) {
    return { ok: false, reason: 'MA码格式不完整：应为 MA.国家代码.分类.企业/产品.序列号' };
  }
  return { ok: true, value: { code: `MA.${country}.${rest.join('.')}`, country, segments: rest } };
}
