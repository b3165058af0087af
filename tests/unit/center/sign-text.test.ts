import { describe, expect, it } from 'vitest';
import {
  buildSignText,
  JsonNumberLiteral,
  MAX_JSON_DEPTH,
  parseJsonLossless,
} from '../../../src/center/crypto';

describe('EPC sign text (SignUtil.getSignText)', () => {
  it('follows the documented example: data as sorted compact JSON with scalars as strings [ARCH]', () => {
    const text = buildSignText(
      {
        appId: 'APP',
        encType: 'SM4',
        signType: 'SM2',
        timestamp: 1700000000000,
        data: { b: 'x', a: 1 },
      },
      'SECRET',
    );
    expect(text).toBe(
      'appId=APP&data={"a":"1","b":"x"}&encType=SM4&signType=SM2&timestamp=1700000000000&key=SECRET',
    );
  });

  it('drops signData, encData, extra and empty values, keeps 0 and false [ARCH]', () => {
    const text = buildSignText(
      {
        signData: 'sig',
        encData: 'ABCD',
        extra: { any: 'thing' },
        version: '',
        transType: null,
        missing: undefined,
        list: [],
        zero: 0,
        no: false,
      },
      'K',
    );
    expect(text).toBe('no=false&zero=0&key=K');
  });

  it('sorts pairs ignoring case, as Java CASE_INSENSITIVE_ORDER over "k=v&" does [ARCH]', () => {
    expect(buildSignText({ cKey: '3', appId: '1', Bkey: '2', ABC: '0' }, 'K')).toBe(
      'ABC=0&appId=1&Bkey=2&cKey=3&key=K',
    );
    // The SDK sorts whole "k=v&" strings, so "a-b=" ('-' < '=') comes before "a=".
    expect(buildSignText({ a: '1', 'a-b': '2' }, 'K')).toBe('a-b=2&a=1&key=K');
  });

  it('sorts nested keys by code unit at every level and cleans nested empties [ARCH]', () => {
    const data = {
      z: { y: 2, x: [{ b: true, a: null }, '', 3, [], ['', null]] },
      a: 'low',
      A: 'up',
      empty: {},
      blank: '',
      name: '张三',
      quote: 'a"b\\c',
    };
    expect(buildSignText({ data }, 'K')).toBe(
      'data={"A":"up","a":"low","empty":{},"name":"张三","quote":"a\\"b\\\\c","z":{"x":[{"b":"true"},"3"],"y":"2"}}&key=K',
    );
  });

  it('writes arrays at top level of data as JSON and plain strings as they are [ARCH]', () => {
    expect(buildSignText({ data: [{ b: 1, a: 2 }] }, 'K')).toBe('data=[{"a":"2","b":"1"}]&key=K');
    expect(buildSignText({ data: 'plain text' }, 'K')).toBe('data=plain text&key=K');
  });

  it('keeps number literals as written when the data was parsed losslessly (Java peers send 25.0) [ARCH]', () => {
    const data = parseJsonLossless('{"amt":25.0,"id":12345678901234567890,"n":-1.5e3}');
    expect(buildSignText({ data }, 'K')).toBe(
      'data={"amt":"25.0","id":"12345678901234567890","n":"-1.5e3"}&key=K',
    );
    expect(buildSignText({ data: JSON.parse('{"amt":25.0}') }, 'K')).toBe(
      'data={"amt":"25"}&key=K',
    );
  });

  it('refuses values that have no JSON meaning [ARCH]', () => {
    expect(() => buildSignText({ data: { m: new Map() } }, 'K')).toThrow(/data\.m/);
    expect(() => buildSignText({ data: { f: () => 1 } }, 'K')).toThrow(TypeError);
  });
});

describe('lossless JSON parser', () => {
  it('parses what JSON.parse parses, to the same values [ARCH]', () => {
    const samples = [
      '{"a":[1,2.50,{"b":null,"c":true,"d":false}],"e":"\\u5f20\\n\\"x\\"","f":-0,"g":1E+2}',
      ' [ ] ',
      '"s"',
      '0',
      '{"__proto__":{"x":1}}',
    ];
    for (const s of samples) {
      const parsed = parseJsonLossless(s);
      expect(JSON.stringify(parsed)).toBe(JSON.stringify(JSON.parse(s)));
    }
    const proto = parseJsonLossless('{"__proto__":{"x":1}}') as Record<string, unknown>;
    expect(Object.getPrototypeOf(proto)).toBe(Object.prototype);
    expect(Object.keys(proto)).toEqual(['__proto__']);
    expect((parseJsonLossless('[1.10]') as unknown[])[0]).toEqual(new JsonNumberLiteral('1.10'));
  });

  it('refuses 100,000 nested arrays or objects with a parse error, not a stack overflow [ARCH]', () => {
    const deepArrays = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const deepObjects = `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`;
    for (const text of [deepArrays, deepObjects]) {
      expect(() => JSON.parse(text)).not.toThrow(); // V8's own parser is iterative
      expect(() => parseJsonLossless(text)).toThrow(SyntaxError);
      expect(() => parseJsonLossless(text)).toThrow(`嵌套超过 ${MAX_JSON_DEPTH} 层`);
    }
    const nest = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;
    expect(() => parseJsonLossless(nest(MAX_JSON_DEPTH))).not.toThrow();
    expect(() => parseJsonLossless(nest(MAX_JSON_DEPTH + 1))).toThrow(SyntaxError);
    // Depth is nesting, not count: many shallow siblings are fine.
    expect(parseJsonLossless(`[${Array(10_000).fill('[[1]]').join(',')}]`)).toHaveLength(10_000);
  });

  it('rejects what JSON.parse rejects [ARCH]', () => {
    for (const s of [
      '',
      '{',
      '{"a":1,}',
      '[1,]',
      '01',
      '1.',
      '.5',
      "{'a':1}",
      'tru',
      '"\t"',
      '{"a" 1}',
      '[1] x',
      'NaN',
    ]) {
      expect(() => JSON.parse(s), s).toThrow();
      expect(() => parseJsonLossless(s), s).toThrow(SyntaxError);
    }
  });
});
