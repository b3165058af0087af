import { JsonNumberLiteral } from './json-lossless';

/**
 * The EPC sign text (center-protocol §2, research §1.3; a port of the SDK's SignUtil):
 * the request with `data` = the plaintext object, minus signData/encData/extra and empty values;
 * nested objects and arrays as compact JSON with keys sorted at every level and every scalar
 * written as a string; `k=v&` pairs sorted ignoring case; then `key=<appSecret>`.
 *
 * Empty means null/undefined, '' and (after cleaning) an empty array, at every level. Empty
 * objects stay as `{}`, as the SDK's TreeMap serialization keeps them.
 */
export function buildSignText(request: Record<string, unknown>, appSecret: string): string {
  const pairs: string[] = [];
  for (const key of Object.keys(request).sort()) {
    if (IGNORED_KEYS.has(key)) continue;
    const value = clean(request[key], key);
    if (value === DROP) continue;
    const text = typeof value === 'string' ? value : compactJson(value);
    if (text !== '') pairs.push(`${key}=${text}&`);
  }
  pairs.sort(compareIgnoringCase); // stable: equal-ignoring-case keys keep code-unit order
  return `${pairs.join('')}key=${appSecret}`;
}

const IGNORED_KEYS = new Set(['signData', 'encData', 'extra']);
const DROP = Symbol('drop');

type Clean = string | Clean[] | { [key: string]: Clean };

function clean(value: unknown, path: string): Clean | typeof DROP {
  if (value === null || value === undefined || value === '') return DROP;
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : DROP;
  if (typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (value instanceof JsonNumberLiteral) return value.text;
  if (value instanceof Date) return value.toJSON() ?? DROP;
  if (Array.isArray(value)) {
    const items = value
      .map((v, i) => clean(v, `${path}[${i}]`))
      .filter((v): v is Clean => v !== DROP);
    return items.length === 0 ? DROP : items;
  }
  if (isPlainObject(value)) {
    const out: { [key: string]: Clean } = {};
    for (const key of Object.keys(value)) {
      const v = clean(value[key], `${path}.${key}`);
      if (v !== DROP) Object.defineProperty(out, key, { value: v, enumerable: true });
    }
    return out;
  }
  throw new TypeError(`签名原文无法包含 ${path} 的值（类型 ${typeof value}）`);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Compact JSON with keys in code-unit order (Java TreeMap order) at every level. */
function compactJson(value: Clean): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(compactJson).join(',')}]`;
  const keys = Object.keys(value).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${compactJson(value[k] as Clean)}`).join(',')}}`;
}

/** Java's String.CASE_INSENSITIVE_ORDER (per UTF-16 unit: upper-case, then lower-case). */
function compareIgnoringCase(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i] as string;
    const y = b[i] as string;
    if (x === y) continue;
    const xu = upper(x);
    const yu = upper(y);
    if (xu === yu) continue;
    const xl = lower(xu);
    const yl = lower(yu);
    if (xl !== yl) return xl.charCodeAt(0) - yl.charCodeAt(0);
  }
  return a.length - b.length;
}

// Character.toUpperCase/toLowerCase(char) never expand one unit into two (ß stays ß).
function upper(ch: string): string {
  const u = ch.toUpperCase();
  return u.length === 1 ? u : ch;
}

function lower(ch: string): string {
  const l = ch.toLowerCase();
  return l.length === 1 ? l : ch;
}
