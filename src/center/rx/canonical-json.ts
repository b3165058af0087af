import { MAX_JSON_DEPTH } from '../crypto/json-lossless';

/**
 * RFC 8785 JSON Canonicalization Scheme (center-protocol §3): keys sorted by UTF-16 code units
 * at every level, no whitespace, strings and numbers serialised as ECMAScript's JSON.stringify
 * does (which is exactly what RFC 8785 §3.2.2 prescribes). Input must be I-JSON data as
 * JSON.parse produces it: non-finite numbers, lone surrogates (RFC 8785 §3.2.2.2 / RFC 7493),
 * undefined array elements, functions, symbols, bigints, cycles and non-plain objects (Date, Map,
 * class instances: JSON.stringify would silently turn them into something else) are refused.
 * Object members whose value is undefined are left out, as JSON.stringify does.
 */
export function canonicalJson(value: unknown): string {
  return serialize(value, new Set());
}

function serialize(value: unknown, path: Set<object>): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'string':
      return serializeString(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`规范化 JSON 不接受非有限数字：${value}`);
      return JSON.stringify(value);
    case 'object':
      return serializeContainer(value, path);
    default:
      throw new TypeError(`规范化 JSON 不接受 ${typeof value} 类型的值`);
  }
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function serializeString(s: string): string {
  if (LONE_SURROGATE.test(s))
    throw new TypeError('规范化 JSON 不接受含孤立代理项（lone surrogate）的字符串');
  return JSON.stringify(s);
}

function serializeContainer(value: object, path: Set<object>): string {
  if (path.has(value)) throw new TypeError('规范化 JSON 不接受循环引用');
  // JSON.parse accepts any depth; the lossless parser's limit keeps this recursion within the stack.
  if (path.size >= MAX_JSON_DEPTH) {
    throw new TypeError(`规范化 JSON 嵌套超过 ${MAX_JSON_DEPTH} 层`);
  }
  path.add(value);
  try {
    // Array.from turns holes into undefined, which is refused like an explicit undefined.
    if (Array.isArray(value)) return `[${Array.from(value, (v) => serialize(v, path)).join(',')}]`;
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) {
      throw new TypeError('规范化 JSON 只接受普通对象（不接受 Date、Map 等）');
    }
    const obj = value as Record<string, unknown>;
    const keys = Object.keys(obj)
      .filter((k) => obj[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${serializeString(k)}:${serialize(obj[k], path)}`).join(',')}}`;
  } finally {
    path.delete(value);
  }
}
