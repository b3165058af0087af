/**
 * GS1 Application Identifiers this parser knows, with their data length (GS1 General
 * Specifications §3.2, Figure 3.2-1). `fixed` data needs no FNC1 after it; `max` data is
 * variable-length and ends with FNC1 (GS) or the end of the string. An AI not listed here
 * cannot be skipped safely, so the element string is refused rather than misread.
 */
export interface AiSpec {
  ai: string;
  fixed?: number;
  max?: number;
  numeric: boolean;
  title: string;
  /** The whole value's format where the AI mixes components (e.g. N1 X1 X1 X1). */
  pattern?: RegExp;
}

const spec = (ai: string, len: { fixed?: number; max?: number }, numeric: boolean, title: string) =>
  ({ ai, ...len, numeric, title }) as AiSpec;

const fixedN = (ai: string, n: number, title: string) => spec(ai, { fixed: n }, true, title);
const varX = (ai: string, max: number, title: string) => spec(ai, { max }, false, title);
const varN = (ai: string, max: number, title: string) => spec(ai, { max }, true, title);

const TWO_DIGIT: AiSpec[] = [
  fixedN('00', 18, 'SSCC'),
  fixedN('01', 14, 'GTIN'),
  fixedN('02', 14, 'CONTENT'),
  varX('10', 20, 'BATCH/LOT'),
  fixedN('11', 6, 'PROD DATE'),
  fixedN('12', 6, 'DUE DATE'),
  fixedN('13', 6, 'PACK DATE'),
  fixedN('15', 6, 'BEST BEFORE'),
  fixedN('16', 6, 'SELL BY'),
  fixedN('17', 6, 'USE BY/EXPIRY'),
  fixedN('20', 2, 'VARIANT'),
  varX('21', 20, 'SERIAL'),
  varX('22', 20, 'CPV'),
  varN('30', 8, 'VAR. COUNT'),
  varN('37', 8, 'COUNT'),
  varX('90', 30, 'INTERNAL'),
  ...['91', '92', '93', '94', '95', '96', '97', '98', '99'].map((ai) => varX(ai, 90, 'INTERNAL')),
];

const THREE_DIGIT: AiSpec[] = [
  varX('235', 28, 'TPX'),
  varX('240', 30, 'ADDITIONAL ID'),
  varX('241', 30, 'CUST. PART No.'),
  varN('242', 6, 'MTO VARIANT'),
  varX('243', 20, 'PCN'),
  varX('250', 30, 'SECONDARY SERIAL'),
  varX('251', 30, 'REF. TO SOURCE'),
  varX('253', 30, 'GDTI'),
  varX('254', 20, 'GLN EXTENSION'),
  varN('255', 25, 'GCN'),
  varX('400', 30, 'ORDER NUMBER'),
  varX('401', 30, 'GINC'),
  fixedN('402', 17, 'GSIN'),
  varX('403', 30, 'ROUTE'),
  ...['410', '411', '412', '413', '414', '415', '416', '417'].map((ai) => fixedN(ai, 13, 'GLN')),
  varX('420', 20, 'SHIP TO POST'),
  varX('421', 12, 'SHIP TO POST'),
  fixedN('422', 3, 'ORIGIN'),
  varN('423', 15, 'COUNTRY - INITIAL PROCESS'),
  fixedN('424', 3, 'COUNTRY - PROCESS'),
  varN('425', 15, 'COUNTRY - DISASSEMBLY'),
  fixedN('426', 3, 'COUNTRY - FULL PROCESS'),
  varX('427', 3, 'ORIGIN SUBDIVISION'),
  ...['710', '711', '712', '713', '714', '715', '716'].map((ai) => varX(ai, 20, 'NHRN')),
];

/** 4-digit AIs whose first three digits fix the family; the last digit is a decimal point or index. */
const FOUR_DIGIT_FAMILIES: Array<[RegExp, { fixed?: number; max?: number }, boolean, string]> = [
  [/^3[1-6]\d\d$/, { fixed: 6 }, true, 'MEASURE'],
  [/^39[0-3]\d$/, { max: 18 }, true, 'AMOUNT/PRICE'],
  [/^394\d$/, { fixed: 4 }, true, 'PRCNT OFF'],
  [/^395\d$/, { fixed: 6 }, true, 'PRICE/UoM'],
  [/^703\d$/, { max: 30 }, false, 'PROCESSOR'],
];

const FOUR_DIGIT: AiSpec[] = [
  fixedN('7001', 13, 'NSN'),
  varX('7002', 30, 'MEAT CUT'),
  fixedN('7003', 10, 'EXPIRY TIME'),
  varN('7004', 4, 'ACTIVE POTENCY'),
  varX('7005', 12, 'CATCH AREA'),
  fixedN('7006', 6, 'FIRST FREEZE DATE'),
  varN('7007', 12, 'HARVEST DATE'),
  varX('7008', 3, 'AQUATIC SPECIES'),
  varX('7009', 10, 'FISHING GEAR TYPE'),
  varX('7010', 2, 'PROD METHOD'),
  varX('7020', 20, 'REFURB LOT'),
  varX('7021', 20, 'FUNC STAT'),
  varX('7022', 20, 'REV STAT'),
  varX('7023', 30, 'GIAI - ASSEMBLY'),
  // N1 X1 X1 X1 (GS1 Barcode Syntax Dictionary): UIC extension digit, two CSET 82 characters,
  // then the importer index, limited to -, 0-9, A-Z, _ and a-z.
  {
    ...spec('7040', { fixed: 4 }, false, 'UIC+EXT'),
    pattern: /^\d[!"%&'()*+,\-./0-9:;<=>?A-Z_a-z]{2}[-0-9A-Z_a-z]$/,
  },
  fixedN('8001', 14, 'DIMENSIONS'),
  varX('8002', 20, 'CMT No.'),
  varX('8003', 30, 'GRAI'),
  varX('8004', 30, 'GIAI'),
  fixedN('8005', 6, 'PRICE PER UNIT'),
  fixedN('8006', 18, 'ITIP'),
  varX('8007', 34, 'IBAN'),
  varN('8008', 12, 'PROD TIME'),
  varX('8009', 50, 'OPTSEN'),
  varX('8010', 30, 'CPID'),
  varN('8011', 12, 'CPID SERIAL'),
  varX('8012', 20, 'VERSION'),
  varX('8013', 25, 'GMN'),
  fixedN('8017', 18, 'GSRN - PROVIDER'),
  fixedN('8018', 18, 'GSRN - RECIPIENT'),
  varN('8019', 10, 'SRIN'),
  varX('8020', 25, 'REF No.'),
  fixedN('8026', 18, 'ITIP CONTENT'),
  fixedN('8111', 4, 'POINTS'),
  varX('8112', 70, 'COUPON'),
  varX('8200', 70, 'PRODUCT URL'),
];

const BY_AI = new Map<string, AiSpec>(
  [...TWO_DIGIT, ...THREE_DIGIT, ...FOUR_DIGIT].map((s) => [s.ai, s]),
);

/** The AI at the start of `text`, or null when none of the known AIs matches. */
export function lookupAi(text: string): AiSpec | null {
  for (const len of [2, 3, 4]) {
    const ai = text.slice(0, len);
    if (ai.length < len || !/^\d+$/.test(ai)) return null;
    const known = BY_AI.get(ai);
    if (known) return known;
    if (len === 4) {
      const family = FOUR_DIGIT_FAMILIES.find(([re]) => re.test(ai));
      if (family) return spec(ai, family[1], family[2], family[3]);
    }
  }
  return null;
}
