import { doseUnitsPerPack } from '../catalog/pack-size';
import { citation } from '../rules';
import type { PolicyFinding } from './evaluate';

/** One prescription line as the quantity check reads it (7204 `rxdrugdetail`). */
export interface UsageLine {
  medListCodg: string;
  genname: string;
  /** drug_cnt: packs, or single units on a 拆零 line. */
  quantity: number;
  /** trdn_flag 1: `quantity` counts dose units, not packs. */
  split: boolean;
  /** drug_dosunt, e.g. 盒. */
  packUnit: string;
  /** drug_spec (or the catalog's), e.g. `0.25g*24粒`. */
  spec: string;
  /** sin_doscnt and sin_dosunt: one dose. */
  singleDose: number | null;
  doseUnit: string;
  /** used_frqu_codg / used_frqu_name, e.g. `tid` / 每日三次. */
  frequencyCode: string;
  frequencyName: string;
  /** medc_days. */
  days: number | null;
}

/** Doses a day by frequency code (national 用药频次 abbreviations); 必要时 (prn) has none. */
const PER_DAY_BY_CODE: Readonly<Record<string, number>> = {
  qd: 1,
  qm: 1,
  qn: 1,
  hs: 1,
  bid: 2,
  q12h: 2,
  tid: 3,
  q8h: 3,
  qid: 4,
  q6h: 4,
  q4h: 6,
  qod: 1 / 2,
  qw: 1 / 7,
  biw: 2 / 7,
  tiw: 3 / 7,
};
const PER_DAY_BY_NAME: ReadonlyArray<readonly [RegExp, number]> = [
  [/^每(日|天)(一|1)次$/, 1],
  [/^每晚(一|1)次$/, 1],
  [/^每(日|天)(二|两|2)次$/, 2],
  [/^每(日|天)(三|3)次$/, 3],
  [/^每(日|天)(四|4)次$/, 4],
  [/^隔日(一|1)次$/, 1 / 2],
  [/^每周(一|1)次$/, 1 / 7],
];

export function dosesPerDay(code: string, name: string): number | null {
  const byCode = PER_DAY_BY_CODE[code.trim().toLowerCase()];
  if (byCode !== undefined) return byCode;
  const text = name.replace(/\s+/g, '');
  return PER_DAY_BY_NAME.find(([re]) => re.test(text))?.[1] ?? null;
}

const round = (n: number) => Math.round(n * 100) / 100;

/**
 * R-CHECKS: single dose × doses a day × days against the quantity prescribed. More than that
 * (beyond rounding up to whole packs) is over-supply: a warning for the pharmacist with the
 * computation. Null when it is not over, or when a field needed for the sum is missing or
 * unreadable (a frequency "as needed", a spec that does not state the dose unit).
 */
export function overSupplyMessage(line: UsageLine, lineNo: number): string | null {
  const perDay = dosesPerDay(line.frequencyCode, line.frequencyName);
  const { singleDose: dose, days, doseUnit: unit } = line;
  if (perDay === null || dose === null || !(dose > 0) || days === null || !(days > 0)) return null;
  if (!(line.quantity > 0)) return null;
  const needed = round(dose * perDay * days);
  const frequency = line.frequencyName || line.frequencyCode;
  const sum = `每次${dose}${unit} × ${frequency}（每日${round(perDay)}次） × ${days}天 = ${needed}${unit}`;
  const which = `第${lineNo}行 ${line.genname}`;
  if (line.split) {
    if (line.quantity <= Math.ceil(needed - 1e-9)) return null;
    return `${which}：${sum}，处方数量${line.quantity}${unit}，超出${round(line.quantity - needed)}${unit}；请核对用量，必要时按可疑处方拒绝并记录线索`;
  }
  const perPack = doseUnitsPerPack(line.spec, unit);
  if (perPack === null) return null;
  const packsNeeded = Math.max(1, Math.ceil(needed / perPack - 1e-9));
  if (line.quantity <= packsNeeded) return null;
  const pack = line.packUnit || '盒';
  return `${which}：${sum}；每${pack}${perPack}${unit}，需${packsNeeded}${pack}，处方数量${line.quantity}${pack}（${round(line.quantity * perPack)}${unit}），超出${line.quantity - packsNeeded}${pack}；请核对用量，必要时按可疑处方拒绝并记录线索`;
}

/** The over-supply warnings of a prescription's lines (R-CHECKS). */
export function overSupplyFindings(lines: readonly UsageLine[]): PolicyFinding[] {
  return lines.flatMap((line, i) => {
    const message = overSupplyMessage(line, i + 1);
    return message === null
      ? []
      : [
          {
            ruleId: 'R-CHECKS' as const,
            code: 'QUANTITY_OVER_USAGE' as const,
            severity: 'warn' as const,
            message,
            citation: citation('R-CHECKS'),
            medListCodg: line.medListCodg,
          },
        ];
  });
}
