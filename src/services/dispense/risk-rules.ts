import type { HistoryEntry, RiskWarning } from '../../contract/types-dispense';
import { packCitation } from '../../domain/policy/pack-citation';
import type { PolicyPack } from '../../domain/policy/policy-pack';
import { citation, type RuleId } from '../../domain/rules';

export interface CurrentLine {
  medListCodg: string;
  genname: string;
  days: number | null;
}

/**
 * Therapy class of a catalog code: the ATC level-4 group (5 characters after the leading `X` of a
 * western-medicine med_list_codg, e.g. XC08CA… → C08CA). Codes of other shapes have none.
 */
export function therapyClass(medListCodg: string): string | null {
  return /^X[A-Z]\d\d[A-Z]{2}/.test(medListCodg) ? medListCodg.slice(1, 6) : null;
}

const DAY = 86_400_000;

/** Days between two yyyy-MM-dd dates (b − a). */
function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY);
}

const warn = (
  ruleId: RuleId,
  code: RiskWarning['code'],
  message: string,
  cited = citation(ruleId),
): RiskWarning => ({ ruleId, code, severity: 'warn', message, citation: cited });

/**
 * Risk signals of a prescription against the patient's history (R-HISTORY, R-LONGRX):
 * a repeat purchase while an earlier supply still lasts; supply on hand plus this line beyond
 * the region's long-prescription limit (over-quantity); two drugs of the same ATC level-4 group
 * at the same time (duplicate therapy); a line longer than that limit. The limit is the pack's
 * (Liaoning's 12 weeks is its own; elsewhere the pharmacy's setting).
 */
export function riskWarnings(
  lines: CurrentLine[],
  history: HistoryEntry[],
  today: string,
  pack: PolicyPack,
): RiskWarning[] {
  const out: RiskWarning[] = [];
  const maxDays = pack.longRxMaxDays;
  const limitCitation = packCitation('R-LONGRX', pack, 'longRxMaxDays');
  const active = history.filter((h) => h.stillSupplied && h.supplyEnds !== null);
  for (const l of lines) {
    const same = active.filter((h) => h.medListCodg === l.medListCodg);
    for (const h of same) {
      out.push(
        warn(
          'R-HISTORY',
          'REPEAT_PURCHASE',
          `「${l.genname}」已于 ${h.dispensedAt.slice(0, 10)} 取药 ${h.quantity}${h.unit}（${h.daysOfSupply}天量${h.source === 'center' ? '，医保中心记录' : ''}），药量可用至 ${h.supplyEnds}，本次属重复购药`,
        ),
      );
    }
    const onHand = same.reduce(
      (s, h) => s + Math.max(0, daysBetween(today, h.supplyEnds ?? today)),
      0,
    );
    if (l.days !== null && onHand > 0 && onHand + l.days > maxDays) {
      out.push(
        warn(
          'R-HISTORY',
          'OVER_QUANTITY',
          `「${l.genname}」手中余量约 ${onHand} 天，加本次 ${l.days} 天共 ${onHand + l.days} 天，超过${pack.name}长期处方上限${maxDays}天的用量`,
        ),
      );
    }
    if (l.days !== null && l.days > maxDays) {
      out.push(
        warn(
          'R-LONGRX',
          'LONG_RX_LIMIT',
          `「${l.genname}」用药 ${l.days} 天，超过${pack.name}长期处方上限${maxDays}天`,
          limitCitation,
        ),
      );
    }
  }
  out.push(...duplicateTherapy(lines, active));
  return out;
}

function duplicateTherapy(lines: CurrentLine[], active: HistoryEntry[]): RiskWarning[] {
  const out: RiskWarning[] = [];
  const seen = new Set<string>();
  const others = [
    ...lines.map((l) => ({ medListCodg: l.medListCodg, genname: l.genname, past: false })),
    ...active.map((h) => ({ medListCodg: h.medListCodg, genname: h.genname, past: true })),
  ];
  for (const l of lines) {
    const cls = therapyClass(l.medListCodg);
    if (!cls) continue;
    for (const o of others) {
      if (o.medListCodg === l.medListCodg || therapyClass(o.medListCodg) !== cls) continue;
      const pair = [l.medListCodg, o.medListCodg].sort().join('|');
      if (seen.has(pair)) continue;
      seen.add(pair);
      out.push(
        warn(
          'R-HISTORY',
          'DUPLICATE_THERAPY',
          `「${l.genname}」与${o.past ? '正在服用的' : '同方的'}「${o.genname}」同属 ${cls} 类药物，疑似重复用药`,
        ),
      );
    }
  }
  return out;
}

/** yyyy-MM-dd the supply of `days` days starting on `from` lasts until (inclusive). */
export function supplyEnds(from: string, days: number): string {
  return new Date(Date.parse(`${from}T00:00:00Z`) + (days - 1) * DAY).toISOString().slice(0, 10);
}
