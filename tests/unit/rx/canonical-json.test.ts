import { spawnSync } from 'node:child_process';
import canonicalize from 'canonicalize';
import { describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH } from '../../../src/center/crypto/json-lossless';
import { canonicalJson } from '../../../src/center/rx/canonical-json';
import { randomObject, rng } from './random-json';

/** A double from its IEEE-754 bit pattern, as RFC 8785 Appendix B lists them. */
function fromBits(hex: string): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setBigUint64(0, BigInt(`0x${hex}`));
  return view.getFloat64(0);
}

describe('RFC 8785 published examples', () => {
  it('§3.2.2 sample: numbers, escapes and literals [R-SIGN]', () => {
    const input = JSON.parse(
      '{"numbers":[333333333.33333329,1E30,4.50,2e-3,0.000000000000000000000000001],' +
        '"string":"\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/",' +
        '"literals":[null,true,false]}',
    );
    expect(canonicalJson(input)).toBe(
      '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],' +
        '"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}',
    );
  });

  it('§3.2.3 sorting by UTF-16 code units, astral after BMP private use [R-SIGN]', () => {
    const input = JSON.parse(
      '{"\\u20ac":"Euro Sign","\\r":"Carriage Return","\\ufb33":"Hebrew Letter Dalet With Dagesh",' +
        '"1":"One","\\ud83d\\ude00":"Emoji: Grinning Face","\\u0080":"Control",' +
        '"\\u00f6":"Latin Small Letter O With Diaeresis"}',
    );
    const out = canonicalJson(input);
    expect(out).toBe(
      '{"\\r":"Carriage Return","1":"One","\u0080":"Control",' +
        '"ö":"Latin Small Letter O With Diaeresis","€":"Euro Sign",' +
        '"😀":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}',
    );
  });

  it('§3.2.4 UTF-8 bytes of the sample [R-SIGN]', () => {
    const out = canonicalJson(JSON.parse('{"numbers":[1E30,4.50,6,2e-3],"x":"\\u20ac"}'));
    expect(Buffer.from(out, 'utf8').toString('hex')).toBe(
      Buffer.from('{"numbers":[1e+30,4.5,6,0.002],"x":"€"}', 'utf8').toString('hex'),
    );
    expect(Buffer.from(out, 'utf8').includes(Buffer.from([0xe2, 0x82, 0xac]))).toBe(true);
  });

  // Appendix B: IEEE-754 value → canonical text.
  const appendixB: Array<[string, string]> = [
    ['0000000000000000', '0'],
    ['8000000000000000', '0'],
    ['0000000000000001', '5e-324'],
    ['8000000000000001', '-5e-324'],
    ['7fefffffffffffff', '1.7976931348623157e+308'],
    ['ffefffffffffffff', '-1.7976931348623157e+308'],
    ['4340000000000000', '9007199254740992'],
    ['c340000000000000', '-9007199254740992'],
    ['4430000000000000', '295147905179352830000'],
    ['44b52d02c7e14af5', '9.999999999999997e+22'],
    ['44b52d02c7e14af6', '1e+23'],
    ['44b52d02c7e14af7', '1.0000000000000001e+23'],
    ['444b1ae4d6e2ef4e', '999999999999999700000'],
    ['444b1ae4d6e2ef4f', '999999999999999900000'],
    ['444b1ae4d6e2ef50', '1e+21'],
    ['3eb0c6f7a0b5ed8c', '9.999999999999997e-7'],
    ['3eb0c6f7a0b5ed8d', '0.000001'],
    ['41b3de4355555553', '333333333.3333332'],
    ['41b3de4355555554', '333333333.33333325'],
    ['41b3de4355555555', '333333333.3333333'],
    ['41b3de4355555556', '333333333.3333334'],
    ['41b3de4355555557', '333333333.33333343'],
    ['becbf647612f3696', '-0.0000033333333333333333'],
    ['43143ff3c1cb0959', '1424953923781206.2'],
  ];
  it.each(appendixB)('Appendix B %s → %s [R-SIGN]', (bits, expected) => {
    expect(canonicalJson([fromBits(bits)])).toBe(`[${expected}]`);
  });

  it('Appendix B: NaN and Infinity have no canonical form [R-SIGN]', () => {
    expect(() => canonicalJson(fromBits('7fffffffffffffff'))).toThrow(/非有限/);
    expect(() => canonicalJson(fromBits('7ff0000000000000'))).toThrow(/非有限/);
  });

  it('numbers as written in JSON text: 1E-7, 25.0, -0, 1e21, 0.1+0.2 [R-SIGN]', () => {
    expect(canonicalJson(JSON.parse('[1E-7,25.0,-0,1e21,1e20,100,0.30000000000000004]'))).toBe(
      '[1e-7,25,0,1e+21,100000000000000000000,100,0.30000000000000004]',
    );
  });
});

describe('refuses what is not I-JSON', () => {
  it('lone surrogates in values and keys (RFC 8785 §3.2.2.2) [R-SIGN]', () => {
    expect(() => canonicalJson({ a: '\ud800' })).toThrow(/孤立代理项/);
    expect(() => canonicalJson({ '\udc00x': 1 })).toThrow(/孤立代理项/);
    expect(canonicalJson({ a: '\ud83d\ude00' })).toBe('{"a":"😀"}');
  });

  it('cycles, holes, undefined elements, Date/Map, bigint [R-SIGN]', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => canonicalJson(cyclic)).toThrow(/循环引用/);
    // biome-ignore lint/suspicious/noSparseArray: the hole is what this case feeds the serialiser
    expect(() => canonicalJson([1, , 2])).toThrow();
    expect(() => canonicalJson([undefined])).toThrow();
    expect(() => canonicalJson({ d: new Date(0) })).toThrow(/普通对象/);
    expect(() => canonicalJson(new Map())).toThrow(/普通对象/);
    expect(() => canonicalJson(1n)).toThrow(/bigint/);
    // the same object twice (not a cycle) is fine
    const shared = { k: 1 };
    expect(canonicalJson([shared, shared])).toBe('[{"k":1},{"k":1}]');
    expect(canonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}');
    expect(canonicalJson(Object.assign(Object.create(null), { z: 1, a: 2 }))).toBe('{"a":2,"z":1}');
  });
  it('nesting deeper than the parser limit: 100,000 arrays from JSON.parse, a TypeError, not a stack overflow [ARCH][R-SIGN]', () => {
    const deep = JSON.parse(`${'['.repeat(100_000)}${']'.repeat(100_000)}`);
    expect(() => canonicalJson(deep)).toThrow(TypeError);
    expect(() => canonicalJson(deep)).toThrow(`嵌套超过 ${MAX_JSON_DEPTH} 层`);
    const nest = (n: number) => JSON.parse(`${'['.repeat(n)}${']'.repeat(n)}`);
    expect(canonicalJson(nest(MAX_JSON_DEPTH))).toHaveLength(2 * MAX_JSON_DEPTH);
    expect(() => canonicalJson(nest(MAX_JSON_DEPTH + 1))).toThrow(TypeError);
  });
});

describe('against independent implementations', () => {
  it('equals the `canonicalize` package (by the RFC author) on 3,000 random objects [R-SIGN]', () => {
    const r = rng(8785);
    for (let i = 0; i < 3000; i++) {
      const obj = randomObject(r, { integersOnly: false, astralKeys: true });
      const ours = canonicalJson(obj);
      expect(ours).toBe(canonicalize(obj));
      // and it is the same data
      expect(JSON.parse(ours)).toEqual(JSON.parse(JSON.stringify(obj)));
    }
  });

  it('equals Python json.dumps(sort_keys, compact, ensure_ascii=False) on 1,000 integer/string objects [R-SIGN]', () => {
    const r = rng(20240101);
    // Python sorts keys by code point, RFC 8785 by UTF-16 unit: they agree while keys stay in the BMP.
    const objects = Array.from({ length: 1000 }, () =>
      randomObject(r, { integersOnly: true, astralKeys: false }),
    );
    const py = spawnSync(
      'python3',
      [
        '-c',
        [
          'import json, sys',
          'sys.stdout.reconfigure(encoding="utf-8")',
          'for o in json.loads(sys.stdin.buffer.read().decode("utf-8")):',
          '    print(json.dumps(o, sort_keys=True, separators=(",", ":"), ensure_ascii=False))',
        ].join('\n'),
      ],
      { input: JSON.stringify(objects), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
    );
    expect(py.status, py.stderr).toBe(0);
    const lines = py.stdout.split('\n').filter((l) => l !== '');
    expect(lines).toHaveLength(objects.length);
    objects.forEach((obj, i) => {
      expect(canonicalJson(obj)).toBe(lines[i]);
    });
  });

  it('differs from Python key order exactly where RFC 8785 says UTF-16 units, not code points [R-SIGN]', () => {
    const obj = { '\ufb33': 1, '\ud83d\ude00': 2 };
    const py = spawnSync(
      'python3',
      [
        '-c',
        'import json,sys; sys.stdout.reconfigure(encoding="utf-8"); print(json.dumps(json.loads(sys.stdin.read()), sort_keys=True, separators=(",",":"), ensure_ascii=False))',
      ],
      { input: JSON.stringify(obj), encoding: 'utf8' },
    );
    expect(py.stdout.trim()).toBe('{"\ufb33":1,"😀":2}');
    expect(canonicalJson(obj)).toBe('{"😀":2,"\ufb33":1}');
    expect(canonicalJson(obj)).toBe(canonicalize(obj));
  });
});
