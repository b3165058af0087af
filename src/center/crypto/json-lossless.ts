/**
 * JSON parsing that keeps each number's literal text. The sign text writes scalars as strings,
 * and a Java or C# peer writes them as its own value prints them (`25.0`, `12.50`,
 * 19-digit ids); JSON.parse would turn those into `25`, `12.5` and rounded ids, and a
 * correct signature would then fail to verify.
 */

/** A JSON number kept as written. */
export class JsonNumberLiteral {
  constructor(readonly text: string) {}
  toJSON(): number {
    return Number(this.text);
  }
}

export type LosslessJson =
  | string
  | boolean
  | null
  | JsonNumberLiteral
  | LosslessJson[]
  | { [key: string]: LosslessJson };

/**
 * Deepest nesting of arrays and objects accepted. Center messages nest a few levels; the limit
 * turns a hostile `[[[[…` into a parse error instead of a stack overflow.
 */
export const MAX_JSON_DEPTH = 128;

const NUMBER_RE = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
// biome-ignore lint/suspicious/noControlCharactersInRegex: RFC 8259 forbids raw U+0000–U+001F in a string; this excludes them
const STRING_RE = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;
const WS_RE = /[ \t\n\r]*/y;

/**
 * Parses standard JSON (RFC 8259); throws SyntaxError like JSON.parse on invalid input and on
 * nesting deeper than MAX_JSON_DEPTH.
 */
export function parseJsonLossless(text: string): LosslessJson {
  let pos = 0;
  let depth = 0;

  const fail = (what: string): never => {
    throw new SyntaxError(`JSON 无效：位置 ${pos} 处${what}`);
  };
  const skipWs = () => {
    WS_RE.lastIndex = pos;
    WS_RE.exec(text);
    pos = WS_RE.lastIndex;
  };
  const match = (re: RegExp): string | null => {
    re.lastIndex = pos;
    const m = re.exec(text);
    if (!m) return null;
    pos = re.lastIndex;
    return m[0];
  };
  const literal = <T>(word: string, result: T): T => {
    if (!text.startsWith(word, pos)) fail('不是有效的值');
    pos += word.length;
    return result;
  };

  const nested = <T>(parse: () => T): T => {
    if (depth >= MAX_JSON_DEPTH) fail(`嵌套超过 ${MAX_JSON_DEPTH} 层`);
    depth++;
    const result = parse();
    depth--;
    return result;
  };
  const value = (): LosslessJson => {
    skipWs();
    const c = text[pos];
    if (c === '{') return nested(object);
    if (c === '[') return nested(array);
    if (c === '"') return string();
    if (c === 't') return literal('true', true);
    if (c === 'f') return literal('false', false);
    if (c === 'n') return literal('null', null);
    const n = match(NUMBER_RE);
    return n === null ? fail('不是有效的值') : new JsonNumberLiteral(n);
  };
  const string = (): string => {
    const s = match(STRING_RE);
    return s === null ? fail('字符串无效') : (JSON.parse(s) as string);
  };
  const array = (): LosslessJson[] => {
    const out: LosslessJson[] = [];
    pos++;
    skipWs();
    if (text[pos] === ']') {
      pos++;
      return out;
    }
    for (;;) {
      out.push(value());
      skipWs();
      const c = text[pos++];
      if (c === ']') return out;
      if (c !== ',') fail('缺少 , 或 ]');
    }
  };
  const object = (): { [key: string]: LosslessJson } => {
    const out: { [key: string]: LosslessJson } = {};
    pos++;
    skipWs();
    if (text[pos] === '}') {
      pos++;
      return out;
    }
    for (;;) {
      skipWs();
      if (text[pos] !== '"') fail('缺少键名');
      const key = string();
      skipWs();
      if (text[pos++] !== ':') fail('缺少 :');
      // defineProperty: a "__proto__" key must stay an ordinary property, as with JSON.parse.
      Object.defineProperty(out, key, {
        value: value(),
        enumerable: true,
        writable: true,
        configurable: true,
      });
      skipWs();
      const c = text[pos++];
      if (c === '}') return out;
      if (c !== ',') fail('缺少 , 或 }');
    }
  };

  const result = value();
  skipWs();
  if (pos !== text.length) fail('有多余内容');
  return result;
}
