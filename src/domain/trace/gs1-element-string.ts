import { beijingDate } from '../calendar';
import { hasValidCheckDigit } from './check-digit';
import { lookupAi } from './gs1-ai-table';

/** FNC1 as transmitted by a scanner in an element string: ASCII GS (0x1D). */
export const GS = '\x1d';

export interface Gs1Element {
  ai: string;
  value: string;
}

export interface Gs1Data {
  elements: Gs1Element[];
  gtin: string | null;
  /** yyyy-MM-dd; AI 17 with day 00 means the last day of the month. */
  expiry: string | null;
  batch: string | null;
  serial: string | null;
}

export type Gs1Result = { ok: true; data: Gs1Data } | { ok: false; reason: string };

/** GS1 AI encodable character set 82 (GS1 General Specifications §7.11). */
const CSET82 = /^[!"%&'()*+,\-./0-9:;<=>?A-Z_a-z]*$/;

/**
 * Parses a GS1 element string as a scanner delivers it after the symbology identifier:
 * AIs run together, a variable-length field ends with GS or at the end. A GS after a
 * fixed-length field is tolerated. Every AI must be known (gs1-ai-table.ts). `now` fixes the
 * century of the two-digit expiry year (gs1Date).
 */
export function parseElementString(text: string, now: Date): Gs1Result {
  const elements: Gs1Element[] = [];
  let rest = text.startsWith(GS) ? text.slice(1) : text;
  while (rest.length > 0) {
    const spec = lookupAi(rest);
    if (!spec) return { ok: false, reason: `无法识别的GS1应用标识符（AI）：${rest.slice(0, 4)}` };
    rest = rest.slice(spec.ai.length);
    let value: string;
    if (spec.fixed !== undefined) {
      value = rest.slice(0, spec.fixed);
      if (value.length < spec.fixed || value.includes(GS)) {
        return { ok: false, reason: `GS1码被截断：AI(${spec.ai}) 应有 ${spec.fixed} 位` };
      }
      rest = rest.slice(spec.fixed);
    } else {
      const end = rest.indexOf(GS);
      value = end === -1 ? rest : rest.slice(0, end);
      rest = end === -1 ? '' : rest.slice(end);
      if (value.length === 0) return { ok: false, reason: `GS1码 AI(${spec.ai}) 内容为空` };
      if (value.length > (spec.max ?? 0)) {
        return {
          ok: false,
          reason: `GS1码 AI(${spec.ai}) 超长（最多 ${spec.max} 位），可能缺少分隔符`,
        };
      }
    }
    if (rest.startsWith(GS)) rest = rest.slice(1);
    const allowed = spec.pattern ?? (spec.numeric ? /^\d+$/ : CSET82);
    if (!allowed.test(value)) {
      return { ok: false, reason: `GS1码 AI(${spec.ai}) 含不允许的字符` };
    }
    elements.push({ ai: spec.ai, value });
  }
  return checkElements(elements, now);
}

function checkElements(elements: Gs1Element[], now: Date): Gs1Result {
  if (elements.length === 0) return { ok: false, reason: 'GS1码为空' };
  const get = (ai: string) => elements.find((e) => e.ai === ai)?.value ?? null;
  const gtin = get('01');
  if (gtin !== null && !hasValidCheckDigit(gtin)) {
    return { ok: false, reason: `GTIN ${gtin} 校验位错误，请重扫` };
  }
  const rawExpiry = get('17');
  const expiry = rawExpiry === null ? null : gs1Date(rawExpiry, now);
  if (rawExpiry !== null && expiry === null) {
    return { ok: false, reason: `有效期 AI(17) ${rawExpiry} 不是有效日期` };
  }
  return { ok: true, data: { elements, gtin, expiry, batch: get('10'), serial: get('21') } };
}

/**
 * YYMMDD → yyyy-MM-dd, the century chosen relative to `now` (Beijing calendar year) by the GS1
 * General Specifications §7.12 rule; DD 00 is the month's last day (AI 17).
 */
export function gs1Date(yymmdd: string, now: Date): string | null {
  if (!/^\d{6}$/.test(yymmdd)) return null;
  const year = gs1Year(Number(yymmdd.slice(0, 2)), Number(beijingDate(now).slice(0, 4)));
  const month = Number(yymmdd.slice(2, 4));
  let day = Number(yymmdd.slice(4, 6));
  if (month < 1 || month > 12) return null;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day === 0) day = last;
  if (day > last) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * GS1 General Specifications §7.12: YY minus the current year's last two digits is 51…99 →
 * previous century, −99…−50 → next century, otherwise the current century.
 */
export function gs1Year(yy: number, currentYear: number): number {
  const century = currentYear - (currentYear % 100);
  const difference = yy - (currentYear % 100);
  if (difference >= 51) return century - 100 + yy;
  if (difference <= -50) return century + 100 + yy;
  return century + yy;
}

/** Human-readable form `(01)09521234543213(17)251231(10)ABC123` → the GS-separated element string. */
export function fromHumanReadable(text: string): string | null {
  if (!/^(\(\d{2,4}\)[^()]+)+$/.test(text)) return null;
  const parts = [...text.matchAll(/\((\d{2,4})\)([^()]+)/g)];
  return parts.map((m) => `${m[1]}${m[2]}`).join(GS);
}
