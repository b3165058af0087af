import { classifyScan, type ScanClassification, visibleText } from './classify';
import {
  decodeControlKey,
  decodeKey,
  isModifierCode,
  isTerminatorCode,
  numpadDigit,
} from './keycode-map';
import { maxInterKeyFor } from './scan-timing';

/** One keydown as the scanner test page records it. */
export interface RawKey {
  code: string;
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  altKey: boolean;
  timeStamp: number;
  capsLock: boolean;
}

export type ScanSuffix = 'Enter' | 'Tab' | 'none';

/** What one scan delivered, for setting a scanner up (scanner test page). */
export interface ScanSample {
  /** Decoded from physical keys (control characters included). */
  text: string;
  /** `text` with control characters as tags, e.g. <GS>. */
  visible: string;
  keyCount: number;
  /** Pauses between keys, terminator included; null for a single key. */
  gaps: { min: number; avg: number; max: number } | null;
  suffix: ScanSuffix;
  /** Keys an input method took (key "Process"): decoded anyway. */
  imeKeys: number;
  capsLock: boolean;
  /** Keys that type nothing a code can hold (function keys, arrows…). */
  undecodable: number;
  classification: ScanClassification;
}

const round = (n: number) => Math.round(n * 10) / 10;

function suffixOf(code: string | undefined): ScanSuffix {
  if (code === 'Enter' || code === 'NumpadEnter') return 'Enter';
  return code === 'Tab' ? 'Tab' : 'none';
}

/** Decodes the keys of one scan the way the capture does, and measures their timing. */
export function analyseSample(raw: readonly RawKey[], now: Date): ScanSample {
  const keys = raw.filter((k) => !isModifierCode(k.code));
  const last = keys.at(-1);
  const suffix = suffixOf(last?.code);
  const body = suffix === 'none' ? keys : keys.slice(0, -1);
  let text = '';
  let altCode = '';
  let undecodable = 0;
  const flushAlt = () => {
    if (altCode !== '') text += String.fromCharCode(Number(altCode));
    altCode = '';
  };
  for (const k of body) {
    const digit = k.altKey ? numpadDigit(k.code) : null;
    if (digit !== null) {
      altCode += digit;
      continue;
    }
    flushAlt();
    const ch =
      (k.ctrlKey ? decodeControlKey(k.code) : null) ??
      (k.ctrlKey || k.altKey || isTerminatorCode(k.code) ? null : decodeKey(k.code, k.shiftKey));
    if (ch === null) undecodable++;
    else text += ch;
  }
  flushAlt();
  const deltas = keys.slice(1).map((k, i) => k.timeStamp - (keys[i]?.timeStamp ?? k.timeStamp));
  const gaps =
    deltas.length === 0
      ? null
      : {
          min: round(Math.min(...deltas)),
          avg: round(deltas.reduce((a, b) => a + b, 0) / deltas.length),
          max: round(Math.max(...deltas)),
        };
  return {
    text,
    visible: visibleText(text),
    keyCount: body.length,
    gaps,
    suffix,
    imeKeys: keys.filter((k) => k.key === 'Process').length,
    capsLock: raw.some((k) => k.capsLock),
    undecodable,
    classification: classifyScan(text, now),
  };
}

/** A maxInterKeyMs that takes this scanner's slowest pause with a margin, within the allowed range. */
export function suggestedMaxInterKeyMs(sample: ScanSample): number | null {
  if (!sample.gaps) return null;
  return maxInterKeyFor(sample.gaps.max);
}
