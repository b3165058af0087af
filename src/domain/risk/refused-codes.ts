import { NOTICE_000 } from './format';
import { beijingMinute } from './period';
import type { RefusalRow } from './rows';
import { drillOf, type RiskSignal } from './signal';
import type { RiskThresholds } from './thresholds';

export const REFUSAL_REASON_LABELS: Readonly<Record<string, string>> = {
  UNREADABLE: '无法识别',
  NOT_A_TRACE_CODE: '商品条码',
  UNKNOWN_DRUG: '目录外药品',
  OTHER_DRUG: '非处方药品',
  TOO_MANY: '超出处方数量',
  ALREADY_SOLD: '已售出',
  ALREADY_SCANNED: '本单已扫',
  PACK_USED_UP: '拆零已用完',
  EXPIRED: '已过期',
  CENTER_REFUSED: '医保中心拒收（他处已售）',
  LOST: '已报损出库',
};

/**
 * Refusals that say nothing about the pack: unreadable text, a product barcode (the same for
 * every pack of a product) and a double scan within one dispensing (the pack is on the counter).
 */
const NOT_ABOUT_THE_PACK = new Set(['UNREADABLE', 'NOT_A_TRACE_CODE', 'ALREADY_SCANNED']);
const RESALE = new Set(['ALREADY_SOLD', 'PACK_USED_UP', 'CENTER_REFUSED', 'LOST']);

export interface RefusedCode {
  packKey: string;
  genname: string | null;
  refusals: RefusalRow[];
  resale: boolean;
}

export function refusedCodes(
  rows: RefusalRow[],
  genname: (medListCodg: string) => string | undefined,
  minRefusals: number,
): RefusedCode[] {
  const groups = new Map<string, RefusalRow[]>();
  for (const r of rows) {
    if (r.packKey === null || NOT_ABOUT_THE_PACK.has(r.reason)) continue;
    const g = groups.get(r.packKey);
    if (g) g.push(r);
    else groups.set(r.packKey, [r]);
  }
  return [...groups.entries()]
    .filter(([, g]) => g.length >= minRefusals)
    .map(([packKey, g]) => {
      const drug = g.find((r) => r.medListCodg)?.medListCodg;
      return {
        packKey,
        genname: drug ? (genname(drug) ?? null) : null,
        refusals: [...g].sort((a, b) => a.at - b.at),
        resale: g.some((r) => RESALE.has(r.reason) || r.ruleId === 'R-TRACE-ONCE'),
      };
    })
    .sort((a, b) => Number(b.resale) - Number(a.resale) || b.refusals.length - a.refusals.length);
}

/**
 * Signal 6 (R-RISK, R-TRACE-ONCE): one traceability code refused at the counter again and
 * again, above all as "already sold" — the resale pattern of the Harbin case behind 000.
 */
export function refusedCodeSignal(
  rows: RefusalRow[],
  genname: (medListCodg: string) => string | undefined,
  t: RiskThresholds,
): RiskSignal {
  const min = t.refusedCodes.minRefusals.value;
  const codes = refusedCodes(rows, genname, min);
  const resale = codes.filter((c) => c.resale).length;
  const triggered = codes.length > 0;
  return {
    id: 'REPEATED_REFUSED_CODE',
    ruleId: 'R-RISK',
    relatedRuleIds: ['R-TRACE-ONCE', 'R-TRACE'],
    title: '同一追溯码反复被拒',
    severity: resale > 0 ? 'alert' : triggered ? 'warn' : 'info',
    triggered,
    measure: `${codes.length} 个追溯码被拒 ${min} 次及以上（其中“已售出”${resale} 个）`,
    measureValue: codes.length,
    threshold: `同一追溯码被拒 ${min} 次及以上`,
    thresholdValue: min,
    explanation:
      `${NOTICE_000} 前言：哈尔滨部分药店欺诈骗保案；§二：定点零售药店应应用药品追溯码，确保药品可追溯。一个追溯码只对应一盒药，已售出的追溯码反复出现在柜台，提示回流药或串换。` +
      (triggered ? '请核查这些包装的来源，必要时向医保部门反映。' : '本期没有反复被拒的追溯码。'),
    drill: drillOf(
      [
        { key: 'code', title: '追溯码' },
        { key: 'drug', title: '药品' },
        { key: 'times', title: '被拒次数' },
        { key: 'reasons', title: '原因' },
        { key: 'where', title: '调剂单/处方' },
        { key: 'staff', title: '操作员' },
        { key: 'first', title: '首次' },
        { key: 'last', title: '末次' },
      ],
      codes.map((c) => {
        const first = c.refusals[0] as RefusalRow;
        const last = c.refusals.at(-1) as RefusalRow;
        const unique = (xs: string[]) => [...new Set(xs)].join('、');
        return {
          code: c.packKey,
          drug: c.genname,
          times: c.refusals.length,
          reasons: unique(c.refusals.map((r) => REFUSAL_REASON_LABELS[r.reason] ?? r.reason)),
          where: unique(
            c.refusals.map((r) =>
              r.channel === 'self_pay' ? '自费零售' : (r.hiRxno ?? `调剂单 ${r.dispensingId}`),
            ),
          ),
          staff: unique(c.refusals.map((r) => r.staffName)),
          first: beijingMinute(first.at),
          last: beijingMinute(last.at),
        };
      }),
    ),
  };
}
