import { inflateSync } from 'node:zlib';

/**
 * Reads the text lines of a prescription's layout file (PDF `rx_file`) for the R-LAYOUT
 * comparison. It understands what hospital renderers produce: page content streams
 * (uncompressed or FlateDecode), strings shown with `Tj`, `TJ`, `'` and `"`, decoded as
 * UCS-2BE for Type0 (CID) fonts and Latin-1 for simple fonts. A new line starts at every
 * BT/ET and text positioning operator, so one `<hex> Tj` per line gives one line each.
 * Bounded (sizes, counts) and never throws: anything unreadable is `{ ok: false, reason }`.
 */
export type LayoutTextResult = { ok: true; lines: string[] } | { ok: false; reason: string };

export const MAX_LAYOUT_PDF_BYTES = 8 * 1024 * 1024;
const MAX_INFLATED_BYTES = 16 * 1024 * 1024;
const MAX_OBJECTS = 20_000;
const MAX_LINES = 5_000;
const MAX_TOKENS = 2_000_000;
const MAX_TREE_DEPTH = 16;

interface PdfObject {
  dict: string;
  stream?: string;
}

class Unreadable extends Error {}

export function extractLayoutLines(pdfBytes: Uint8Array): LayoutTextResult {
  try {
    if (!(pdfBytes instanceof Uint8Array)) return { ok: false, reason: '版式文件不是字节数据' };
    if (pdfBytes.length > MAX_LAYOUT_PDF_BYTES) {
      return { ok: false, reason: `版式文件超过 ${MAX_LAYOUT_PDF_BYTES / 1024 / 1024} MB` };
    }
    const text = Buffer.from(pdfBytes.buffer, pdfBytes.byteOffset, pdfBytes.length).toString(
      'latin1',
    );
    const head = text.indexOf('%PDF-');
    if (head < 0 || head > 1024) return { ok: false, reason: '版式文件不是 PDF 文件' };
    const objects = readObjects(text);
    const pages = findPages(objects);
    if (pages.length === 0) return { ok: false, reason: '版式文件中未找到页面' };
    const budget = { inflated: 0, tokens: 0 };
    const lines: string[] = [];
    for (const page of pages) {
      const fonts = pageFonts(objects, page);
      for (const ref of contentRefs(page.dict)) {
        const obj = objects.get(ref);
        if (!obj?.stream) continue;
        const data = decodeStream(obj, budget);
        if (data !== null) showText(data, fonts, lines, budget);
      }
    }
    if (lines.length === 0) return { ok: false, reason: '版式文件中未找到可读取的文字' };
    return { ok: true, lines };
  } catch (err) {
    return {
      ok: false,
      reason: err instanceof Unreadable ? err.message : '版式文件结构损坏，无法读取文字',
    };
  }
}

/** Indirect objects by number (a later definition replaces an earlier one). */
function readObjects(s: string): Map<number, PdfObject> {
  const objects = new Map<number, PdfObject>();
  const header = /(\d{1,10})\s+\d{1,5}\s+obj\b/g;
  let m: RegExpExecArray | null = header.exec(s);
  while (m) {
    if (objects.size >= MAX_OBJECTS) throw new Unreadable('版式文件对象过多');
    const start = m.index + m[0].length;
    const endObj = s.indexOf('endobj', start);
    const body = s.slice(start, endObj < 0 ? s.length : endObj);
    const sk = /stream\r?\n/.exec(body);
    let next = endObj < 0 ? s.length : endObj + 6;
    if (sk) {
      const dict = body.slice(0, sk.index);
      const dataStart = start + sk.index + sk[0].length;
      const len = /\/Length\s+(\d+)(?!\s+\d+\s+R)/.exec(dict);
      let dataEnd = -1;
      if (len) {
        const end = dataStart + Number(len[1]);
        if (end <= s.length && /^\s*endstream/.test(s.slice(end, end + 32))) dataEnd = end;
      }
      if (dataEnd < 0) {
        const es = s.indexOf('endstream', dataStart);
        if (es < 0) break;
        dataEnd = es;
        if (s[dataEnd - 1] === '\n') dataEnd--;
        if (s[dataEnd - 1] === '\r') dataEnd--;
      }
      objects.set(Number(m[1]), { dict, stream: s.slice(dataStart, dataEnd) });
      const after = s.indexOf('endobj', dataEnd);
      next = after < 0 ? s.length : after + 6;
    } else {
      objects.set(Number(m[1]), { dict: body });
    }
    header.lastIndex = next;
    m = header.exec(s);
  }
  return objects;
}

function refsIn(text: string): number[] {
  return [...text.matchAll(/(\d+)\s+\d+\s+R\b/g)].map((r) => Number(r[1]));
}

const isPage = (o: PdfObject) => /\/Type\s*\/Page(?![a-zA-Z])/.test(o.dict);
const isPages = (o: PdfObject) => /\/Type\s*\/Pages\b/.test(o.dict);

/** Pages in tree order from the root /Pages; object order when there is no usable tree. */
function findPages(objects: Map<number, PdfObject>): PdfObject[] {
  const root = [...objects.values()].find((o) => isPages(o) && !/\/Parent\s/.test(o.dict));
  const out: PdfObject[] = [];
  const seen = new Set<number>();
  const walk = (node: PdfObject, depth: number) => {
    if (depth > MAX_TREE_DEPTH) return;
    const kids = /\/Kids\s*\[([^\]]*)\]/.exec(node.dict);
    for (const ref of refsIn(kids?.[1] ?? '')) {
      const kid = objects.get(ref);
      if (!kid || seen.has(ref)) continue;
      seen.add(ref);
      if (isPage(kid)) out.push(kid);
      else if (isPages(kid)) walk(kid, depth + 1);
    }
  };
  if (root) walk(root, 0);
  if (out.length === 0) for (const o of objects.values()) if (isPage(o)) out.push(o);
  return out;
}

function contentRefs(pageDict: string): number[] {
  const arr = /\/Contents\s*\[([^\]]*)\]/.exec(pageDict);
  if (arr) return refsIn(arr[1] ?? '');
  const one = /\/Contents\s*(\d+)\s+\d+\s+R/.exec(pageDict);
  return one ? [Number(one[1])] : [];
}

/** The text of `/Key << … >>` (balanced) or of the object `/Key n 0 R` points to. */
function entry(objects: Map<number, PdfObject>, dict: string, key: string): string | null {
  const at = new RegExp(`/${key}(?![A-Za-z0-9])\\s*`).exec(dict);
  if (!at) return null;
  const from = at.index + at[0].length;
  const ref = /^(\d+)\s+\d+\s+R/.exec(dict.slice(from, from + 32));
  if (ref) return objects.get(Number(ref[1]))?.dict ?? null;
  if (!dict.startsWith('<<', from)) return null;
  let depth = 0;
  for (let i = from; i < dict.length - 1; i++) {
    if (dict.startsWith('<<', i)) {
      depth++;
      i++;
    } else if (dict.startsWith('>>', i)) {
      depth--;
      i++;
      if (depth === 0) return dict.slice(from + 2, i - 1);
    }
  }
  return null;
}

/** Font resource name → whether it is a Type0 (2-byte) font; inherited resources included. */
function pageFonts(objects: Map<number, PdfObject>, page: PdfObject): Map<string, boolean> {
  let node: PdfObject | undefined = page;
  let resources: string | null = null;
  for (let depth = 0; node && !resources && depth <= MAX_TREE_DEPTH; depth++) {
    resources = entry(objects, node.dict, 'Resources');
    const parent = /\/Parent\s+(\d+)\s+\d+\s+R/.exec(node.dict);
    node = parent ? objects.get(Number(parent[1])) : undefined;
  }
  const fonts = new Map<string, boolean>();
  const fontDict = resources ? entry(objects, resources, 'Font') : null;
  for (const f of (fontDict ?? '').matchAll(/\/([^\s/<>[\]()]+)\s+(\d+)\s+\d+\s+R/g)) {
    const obj = objects.get(Number(f[2]));
    fonts.set(f[1] ?? '', obj ? /\/Subtype\s*\/Type0\b/.test(obj.dict) : false);
  }
  return fonts;
}

function decodeStream(obj: PdfObject, budget: { inflated: number }): string | null {
  const raw = obj.stream ?? '';
  const filter = /\/Filter\s*(\[[^\]]*\]|\/[A-Za-z0-9]+)/.exec(obj.dict)?.[1];
  const filters = filter ? [...filter.matchAll(/\/([A-Za-z0-9]+)/g)].map((f) => f[1]) : [];
  if (filters.length === 0) return raw;
  if (filters.length !== 1 || (filters[0] !== 'FlateDecode' && filters[0] !== 'Fl')) return null;
  const room = MAX_INFLATED_BYTES - budget.inflated;
  if (room <= 0) throw new Unreadable('版式文件解压后过大');
  let out: Buffer;
  try {
    out = inflateSync(Buffer.from(raw, 'latin1'), { maxOutputLength: room });
  } catch {
    return null;
  }
  budget.inflated += out.length;
  return out.toString('latin1');
}

type Operand =
  | { t: 'str'; bytes: number[] }
  | { t: 'name'; v: string }
  | { t: 'arr'; items: Operand[] }
  | { t: 'other' };

const WHITESPACE = /[\0\t\n\f\r ]/;
const DELIMITER = /[()<>[\]{}/%]/;

function showText(
  s: string,
  fonts: Map<string, boolean>,
  lines: string[],
  budget: { tokens: number },
): void {
  const anyType0 = [...fonts.values()].some(Boolean);
  let twoByte = anyType0;
  let current = '';
  const flush = () => {
    const line = current.trim();
    current = '';
    if (line === '') return;
    if (lines.length >= MAX_LINES) throw new Unreadable('版式文件文字行过多');
    lines.push(line);
  };
  const decode = (bytes: number[]) =>
    (twoByte ? ucs2 : latin1)(bytes).replace(/[\u0000-\u001f]/g, '');
  const show = (op: Operand | undefined) => {
    if (op?.t === 'str') current += decode(op.bytes);
    else if (op?.t === 'arr')
      for (const item of op.items) show(item.t === 'str' ? item : undefined);
  };
  const stack: Operand[][] = [[]];
  let i = 0;
  while (i < s.length) {
    if (++budget.tokens > MAX_TOKENS) throw new Unreadable('版式文件内容过于复杂');
    const c = s[i] ?? '';
    const operands = stack[stack.length - 1] ?? [];
    if (WHITESPACE.test(c)) {
      i++;
    } else if (c === '%') {
      while (i < s.length && s[i] !== '\n' && s[i] !== '\r') i++;
    } else if (c === '(') {
      const [bytes, end] = literalString(s, i);
      operands.push({ t: 'str', bytes });
      i = end;
    } else if (c === '<' && s[i + 1] === '<') {
      operands.push({ t: 'other' });
      i += 2;
    } else if (c === '>' && s[i + 1] === '>') {
      i += 2;
    } else if (c === '<') {
      const end = s.indexOf('>', i);
      const hex = s.slice(i + 1, end < 0 ? s.length : end).replace(/[^0-9A-Fa-f]/g, '');
      const bytes: number[] = [];
      for (let k = 0; k < hex.length; k += 2)
        bytes.push(Number.parseInt(hex.slice(k, k + 2).padEnd(2, '0'), 16));
      operands.push({ t: 'str', bytes });
      i = end < 0 ? s.length : end + 1;
    } else if (c === '[') {
      if (stack.length > 32) throw new Unreadable('版式文件内容嵌套过深');
      stack.push([]);
      i++;
    } else if (c === ']') {
      const items = stack.length > 1 ? (stack.pop() ?? []) : [];
      (stack[stack.length - 1] ?? []).push({ t: 'arr', items });
      i++;
    } else if (c === '/') {
      let j = i + 1;
      while (j < s.length && !WHITESPACE.test(s[j] ?? '') && !DELIMITER.test(s[j] ?? '')) j++;
      operands.push({ t: 'name', v: s.slice(i + 1, j) });
      i = j;
    } else if (DELIMITER.test(c)) {
      i++;
    } else {
      let j = i;
      while (j < s.length && !WHITESPACE.test(s[j] ?? '') && !DELIMITER.test(s[j] ?? '')) j++;
      const word = s.slice(i, j);
      i = j;
      if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(word)) {
        operands.push({ t: 'other' });
        continue;
      }
      const ops = stack.length > 1 ? [] : operands;
      switch (word) {
        case 'BT':
        case 'ET':
        case 'Td':
        case 'TD':
        case 'Tm':
        case 'T*':
          flush();
          break;
        case 'Tf': {
          const name = ops.find((o) => o.t === 'name');
          if (name?.t === 'name') twoByte = fonts.get(name.v) ?? anyType0;
          break;
        }
        case 'Tj':
        case 'TJ':
          show(ops[ops.length - 1]);
          break;
        case "'":
        case '"':
          flush();
          show(ops[ops.length - 1]);
          break;
        case 'BI': {
          const ei = /\sEI(?=[\s]|$)/g;
          ei.lastIndex = i;
          const found = ei.exec(s);
          i = found ? found.index + found[0].length : s.length;
          break;
        }
      }
      stack.length = 1;
      stack[0] = [];
    }
  }
  flush();
}

const ESCAPES: Record<string, number> = {
  n: 10,
  r: 13,
  t: 9,
  b: 8,
  f: 12,
  '(': 40,
  ')': 41,
  '\\': 92,
};

/** A `( … )` string from index `at` (balanced parentheses, escapes): its bytes and end. */
function literalString(s: string, at: number): [number[], number] {
  const bytes: number[] = [];
  let depth = 0;
  let i = at;
  while (i < s.length) {
    const c = s[i] ?? '';
    if (c === '\\') {
      const n = s[i + 1] ?? '';
      if (n in ESCAPES) {
        bytes.push(ESCAPES[n] ?? 0);
        i += 2;
      } else if (/[0-7]/.test(n)) {
        const oct = /^[0-7]{1,3}/.exec(s.slice(i + 1, i + 4))?.[0] ?? '0';
        bytes.push(Number.parseInt(oct, 8) & 0xff);
        i += 1 + oct.length;
      } else if (n === '\r' || n === '\n') {
        i += n === '\r' && s[i + 2] === '\n' ? 3 : 2;
      } else {
        if (n) bytes.push(n.charCodeAt(0) & 0xff);
        i += 2;
      }
      continue;
    }
    if (c === '(') {
      depth++;
      if (depth > 1) bytes.push(40);
    } else if (c === ')') {
      depth--;
      if (depth === 0) return [bytes, i + 1];
      bytes.push(41);
    } else {
      bytes.push(c.charCodeAt(0) & 0xff);
    }
    i++;
  }
  return [bytes, s.length];
}

function ucs2(bytes: number[]): string {
  let out = '';
  for (let k = 0; k + 1 < bytes.length; k += 2)
    out += String.fromCharCode(((bytes[k] ?? 0) << 8) | (bytes[k + 1] ?? 0));
  return out;
}

function latin1(bytes: number[]): string {
  return Buffer.from(bytes).toString('latin1');
}
