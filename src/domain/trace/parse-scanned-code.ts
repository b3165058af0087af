import { parseEan13, toGtin14 } from './ean13';
import { fromHumanReadable, GS, type Gs1Element, parseElementString } from './gs1-element-string';
import { looksLikeMa, parseMaCode } from './ma-code';
import { parseTrace20 } from './trace20';

/** What a scan of a drug pack is, for the scanner router and the dispensing rules. */
export type ParsedCode =
  | { kind: 'trace20'; code: string; productId: string; serial: string }
  | {
      kind: 'gs1';
      /** GTIN-14. */
      gtin: string;
      expiry: string | null;
      batch: string | null;
      serial: string | null;
      elements: Gs1Element[];
      symbology: string | null;
      /** The scanner sent letters case-inverted (CapsLock); values were restored. */
      caseInverted: boolean;
    }
  | { kind: 'ma'; code: string; country: string; segments: string[] }
  | { kind: 'ean13'; gtin: string }
  | { kind: 'unknown'; text: string; reason: string };

/** Symbology identifiers (ISO/IEC 15424) whose payload is a GS1 element string. */
const GS1_SYMBOLOGIES = new Set([']d2', ']C1', ']Q3', ']e0', ']J1']);
/** The same identifiers as a scanner with CapsLock on types them. */
const INVERTED_GS1_SYMBOLOGIES = new Map([
  [']D2', ']d2'],
  [']c1', ']C1'],
  [']q3', ']Q3'],
]);
/** FNC1 substitutes scanners are configured to send instead of GS; none is in GS1 character set 82. */
const FNC1_SUBSTITUTES = /<GS>|\{GS\}|\[GS\]|[~^|]/gi;

const unknown = (text: string, reason: string): ParsedCode => ({ kind: 'unknown', text, reason });

/** `now` fixes the century of a GS1 two-digit expiry year (GS1 General Specifications §7.12). */
export function parseScannedCode(raw: string, now: Date): ParsedCode {
  const text = raw.replace(/^[\s\r\n]+|[\s\r\n]+$/g, '');
  if (text.length === 0) return unknown(raw, '扫码内容为空，请重扫');
  if (text.length > 512) return unknown(text.slice(0, 64), '扫码内容过长，不是药品追溯码');
  const normalised = text.replace(FNC1_SUBSTITUTES, GS);

  const symbology = /^\][A-Za-z][0-9A-Za-z]/.test(normalised) ? normalised.slice(0, 3) : null;
  if (symbology) {
    const payload = normalised.slice(3);
    if (GS1_SYMBOLOGIES.has(symbology)) return gs1(payload, symbology, false, now);
    const restored = INVERTED_GS1_SYMBOLOGIES.get(symbology);
    if (restored) return gs1(invertCase(payload), restored, true, now);
    return plain(payload);
  }
  if (normalised.startsWith(GS)) return gs1(normalised, null, false, now);
  const hri = fromHumanReadable(normalised);
  if (hri) return gs1(hri, null, false, now);
  if (/^01\d{14}/.test(normalised) && normalised.length > 16)
    return gs1(normalised, null, false, now);
  return plain(normalised);
}

function plain(text: string): ParsedCode {
  if (looksLikeMa(text)) {
    const ma = parseMaCode(text);
    return ma.ok ? { kind: 'ma', ...ma.value } : unknown(text, ma.reason);
  }
  const compact = text.replace(/[\s-]/g, '');
  if (/^\d+$/.test(compact)) {
    if (compact.length === 13) {
      const ean = parseEan13(compact);
      return ean.ok ? { kind: 'ean13', gtin: ean.gtin } : unknown(text, ean.reason);
    }
    const t = parseTrace20(compact);
    return t.ok ? { kind: 'trace20', ...t.value } : unknown(text, t.reason);
  }
  return unknown(text, '无法识别的条码：不是药品追溯码、GS1码、MA码或商品条码');
}

function gs1(
  payload: string,
  symbology: string | null,
  caseInverted: boolean,
  now: Date,
): ParsedCode {
  const r = parseElementString(payload, now);
  if (!r.ok) return unknown(payload.replaceAll(GS, '<GS>'), r.reason);
  if (!r.data.gtin) return unknown(payload, 'GS1码中没有商品编码 AI(01)，不能识别药品');
  return {
    kind: 'gs1',
    gtin: r.data.gtin,
    expiry: r.data.expiry,
    batch: r.data.batch,
    serial: r.data.serial,
    elements: r.data.elements,
    symbology,
    caseInverted,
  };
}

function invertCase(s: string): string {
  return s.replace(/[A-Za-z]/g, (c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase()));
}

/**
 * The identity of one pack, used as the sold-codes key (R-TRACE-ONCE). GS1 serials are folded to
 * upper case so a CapsLock-inverted rescan of the same pack is still the same pack. Null when the
 * scan identifies a product but not a pack (EAN-13, GS1 without AI 21).
 */
export function packKey(p: ParsedCode): string | null {
  switch (p.kind) {
    case 'trace20':
      return p.code;
    case 'gs1':
      return p.serial ? `01${p.gtin}21${p.serial.toUpperCase()}` : null;
    case 'ma':
      return p.code.toUpperCase();
    default:
      return null;
  }
}

/** The catalog keys a scan can identify its drug by: trace product id or GTIN-14. */
export function productKeyOf(
  p: ParsedCode,
): { traceProductId: string } | { gtin14: string } | null {
  if (p.kind === 'trace20') return { traceProductId: p.productId };
  if (p.kind === 'gs1' || p.kind === 'ean13') return { gtin14: toGtin14(p.gtin) };
  return null;
}
