/** Seeded random JSON values for comparing canonical-JSON implementations. */
export type Rng = () => number;

/** mulberry32: small, fast, deterministic. */
export function rng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(r: Rng, items: readonly T[]): T => items[Math.floor(r() * items.length)] as T;

// Control characters, escapes, CJK, full-width punctuation, BMP private use / compatibility
// forms (sort after surrogates in UTF-16 but before astral characters in code points), emoji.
const BMP_ALPHABET = [
  ...'abcXYZ019 _-/\\"\'<>&\u0000\u0001\u0008\t\n\u000b\f\r\u001f\u007f\u0080\u00e9\u00f6',
  ...'药品处方重庆东莞阿莫西林胶囊盒粒：，（）\u2028\u2029\u20ac\ue000\ufb33\ufeff\uffee',
];
const ASTRAL = ['😀', '𠀋', '🧪', '\u{1f48a}'];

export interface StringOptions {
  astral: boolean;
}

export function randomString(r: Rng, opts: StringOptions, maxLen = 12): string {
  const n = Math.floor(r() * maxLen);
  let s = '';
  for (let i = 0; i < n; i++)
    s += opts.astral && r() < 0.1 ? pick(r, ASTRAL) : pick(r, BMP_ALPHABET);
  return s;
}

/** Any finite double: integers, decimals as people write them, and raw IEEE-754 bit patterns. */
export function randomNumber(r: Rng): number {
  const kind = r();
  if (kind < 0.25) return Math.floor((r() - 0.5) * 2 ** 53);
  if (kind < 0.5)
    return Number(((r() - 0.5) * 10 ** Math.floor(r() * 12)).toFixed(Math.floor(r() * 6)));
  const view = new DataView(new ArrayBuffer(8));
  for (;;) {
    view.setUint32(0, Math.floor(r() * 2 ** 32));
    view.setUint32(4, Math.floor(r() * 2 ** 32));
    const v = view.getFloat64(0);
    if (Number.isFinite(v)) return v;
  }
}

export interface ValueOptions {
  /** Only safe integers as numbers (what Python prints identically). */
  integersOnly: boolean;
  /** Astral characters in object keys (Python's sort_keys then differs from RFC 8785). */
  astralKeys: boolean;
}

export function randomValue(r: Rng, opts: ValueOptions, depth = 0): unknown {
  const leafOnly = depth >= 4;
  const kind = Math.floor(r() * (leafOnly ? 5 : 7));
  switch (kind) {
    case 0:
      return null;
    case 1:
      return r() < 0.5;
    case 2:
    case 3:
      return opts.integersOnly ? Math.floor((r() - 0.5) * 2 ** 53) : randomNumber(r);
    case 4:
      return randomString(r, { astral: true });
    case 5:
      return Array.from({ length: Math.floor(r() * 5) }, () => randomValue(r, opts, depth + 1));
    default: {
      const obj: Record<string, unknown> = {};
      const n = Math.floor(r() * 6);
      for (let i = 0; i < n; i++) {
        obj[randomString(r, { astral: opts.astralKeys }, 6)] = randomValue(r, opts, depth + 1);
      }
      return obj;
    }
  }
}

/** A top-level object with a few random members. */
export function randomObject(r: Rng, opts: ValueOptions): Record<string, unknown> {
  const obj: Record<string, unknown> = {};
  const n = 1 + Math.floor(r() * 6);
  for (let i = 0; i < n; i++)
    obj[randomString(r, { astral: opts.astralKeys }, 6)] = randomValue(r, opts, 1);
  return obj;
}
