/**
 * RFC 8785 JSON Canonicalization Scheme (center-protocol §3): keys sorted by UTF-16 code units
 * at every level, no whitespace, strings and numbers serialised as ECMAScript's JSON.stringify
 * does (which is exactly what RFC 8785 §3.2.2 prescribes). Non-finite numbers, undefined,
 * functions, symbols and bigints have no JSON form and are refused.
 */
export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'string':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`规范化 JSON 不接受非有限数字：${value}`);
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
      const obj = value as Record<string, unknown>;
      const keys = Object.keys(obj)
        .filter((k) => obj[k] !== undefined)
        .sort();
      return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
    }
    default:
      throw new TypeError(`规范化 JSON 不接受 ${typeof value} 类型的值`);
  }
}
