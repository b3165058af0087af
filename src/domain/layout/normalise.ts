/**
 * Value normalisation before a layout value is compared with the structured data (R-LAYOUT):
 * hospitals print the same value in many ways — full-width digits, Kangxi-radical code points
 * from subset fonts' ToUnicode maps (⽅ for 方), spaces inside numbers, 2盒 against 2 盒,
 * 0.5g×20片 against 0.5g*20片, commas between usage parts, several date formats, and ID numbers
 * and names masked with asterisks. None of these is a difference.
 */

/**
 * CJK Radicals Supplement code points a subset font's ToUnicode map may give for a glyph it
 * shares with the ideograph (Chromium writes ⻔ for 门); NFKC leaves these alone.
 */
const RADICAL_IDEOGRAPHS = new Map(
  '⺁厂 ⺅亻 ⺉刂 ⺖忄 ⺘扌 ⺜日 ⺝月 ⺠民 ⺡氵 ⺣灬 ⺨犭 ⺩王 ⺬示 ⺭礻 ⺰纟 ⺾艹 ⻁虎 ⻂衤 ⻄西 ⻅见 ⻆角 ⻈讠 ⻉贝 ⻋车 ⻌辶 ⻏阝 ⻐钅 ⻑長 ⻓长 ⻔门 ⻖阝 ⻗雨 ⻘青 ⻙韦 ⻚页 ⻛风 ⻜飞 ⻝食 ⻠饣 ⻢马 ⻣骨 ⻤鬼 ⻥鱼 ⻦鸟 ⻧卤 ⻨麦 ⻩黄 ⻪黾 ⻬齐 ⻮齿 ⻰龙'
    .split(' ')
    .map((pair) => [...pair] as [string, string]),
);

/** A character as it should be shown: radical code points as their ideographs, nothing else changed. */
export function displayChar(ch: string): string {
  const mapped = RADICAL_IDEOGRAPHS.get(ch);
  if (mapped) return mapped;
  return /[\u2F00-\u2FDF]/.test(ch) ? ch.normalize('NFKC') : ch;
}

/** NFKC per character (full-width to half-width, Kangxi radicals), radicals to ideographs. */
export function foldChar(ch: string): string {
  return (RADICAL_IDEOGRAPHS.get(ch) ?? ch.normalize('NFKC')).replace(/[×✕╳]/g, '*');
}

const IGNORED = /[\s,，、;；。·]/g;

/** The comparable form of free text: folded, without spaces and list punctuation. */
export function comparable(value: string): string {
  return [...value].map(foldChar).join('').replace(IGNORED, '').toUpperCase();
}

interface DateParts {
  ymd: string;
  hm: string | null;
  s: string | null;
}

const DATE =
  /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[T\s]*(\d{1,2})[:时](\d{1,2})(?:[:分](\d{1,2})秒?)?分?)?$/;

function dateParts(value: string): DateParts | null {
  const m = DATE.exec([...value].map(foldChar).join('').trim().replace(/\s+/g, ' '));
  if (!m) return null;
  const two = (v: string | undefined) => (v ?? '').padStart(2, '0');
  return {
    ymd: `${m[1]}-${two(m[2])}-${two(m[3])}`,
    hm: m[4] === undefined ? null : `${two(m[4])}:${two(m[5])}`,
    s: m[6] === undefined ? null : two(m[6]),
  };
}

/** A date-time as printed equals the structured one at the precision the layout prints. */
export function sameDateTime(printed: string, structured: string): boolean {
  const p = dateParts(printed);
  const s = dateParts(structured);
  if (!p || !s) return comparable(printed) === comparable(structured);
  if (p.ymd !== s.ymd) return false;
  if (p.hm === null) return true;
  if (p.hm !== s.hm) return false;
  return p.s === null || p.s === (s.s ?? '00');
}

const MASK = /[*＊●•]/;

/**
 * A masked value on the layout (500103********1238, 张*) equals the structured one when it has
 * the same length and every unmasked character agrees; an unmasked value must be equal.
 */
export function sameMasked(printed: string, structured: string): boolean {
  const p = [...comparable(printed.replace(/[＊●•]/g, '*'))];
  const s = [...comparable(structured)];
  if (p.length !== s.length) return false;
  return p.every((ch, i) => MASK.test(ch) || ch === s[i]);
}
