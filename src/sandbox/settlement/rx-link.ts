import { RX_STATUS, type RxStatusKey } from '../../center/rx/rx-status';
import type { SandboxDb } from '../db';
import type { PatientRow } from '../patients';
import { Refusal } from '../refusal';
import { effectiveStatus, findRx, type RxRow, setRxStatus, uploadOf } from '../rx/rx-store';
import type { FeeLine } from './compute';

/**
 * How settlement and sales move a prescription (center-protocol §4, R-STATUS). A missing
 * entry means the event is refused in that status.
 */
export const RX_TRANSITIONS = {
  settle: { reviewed: 'settled', dispensed: 'dispensed' },
  unsettle: { settled: 'reviewed', dispensed: 'dispensed' },
  dispenseSettled: { settled: 'dispensed' },
  dispenseSelfPay: { reviewed: 'dispensed' },
  undispenseSettled: { dispensed: 'settled' },
  undispenseUnsettled: { dispensed: 'reviewed' },
} as const satisfies Record<string, Partial<Record<RxStatusKey, RxStatusKey>>>;

export type RxEvent = keyof typeof RX_TRANSITIONS;

function keyOf(codg: string): RxStatusKey | undefined {
  return (Object.keys(RX_STATUS) as RxStatusKey[]).find((k) => RX_STATUS[k].codg === codg);
}

/** The status after `event`, or null when the event is not allowed from the current one. */
export function nextStatus(row: RxRow, event: RxEvent, now: Date): RxStatusKey | null {
  const current = keyOf(effectiveStatus(row, now).codg);
  const table: Partial<Record<RxStatusKey, RxStatusKey>> = RX_TRANSITIONS[event];
  return (current && table[current]) ?? null;
}

export function moveRx(db: SandboxDb, hiRxno: string, event: RxEvent, now: Date): void {
  const row = findRx(db, hiRxno);
  if (!row) throw new Refusal(`未查询到电子处方 ${hiRxno}`);
  const next = nextStatus(row, event, now);
  if (!next) {
    throw new Refusal(`处方状态为“${effectiveStatus(row, now).name}”，不能进行此操作`);
  }
  setRxStatus(db, hiRxno, next, now);
}

const NOT_SETTLEABLE: Record<string, string> = {
  [RX_STATUS.valid.codg]: '处方尚未审核通过（7206），不能结算',
  [RX_STATUS.settled.codg]: '处方已结算，不能重复结算',
  [RX_STATUS.dispensed.codg]: '处方已取药，不能再结算',
  [RX_STATUS.revoked.codg]: '处方已被医疗机构撤销，不能结算',
  [RX_STATUS.expired.codg]: '处方已超过有效期（已失效），不能结算',
};

/**
 * 2101/2102 with an e-prescription (R-SETTLE, R-STATUS, R-NOSWAP): the prescription is the
 * patient's, 已审核, and every catalog drug line is on it within the prescribed quantity.
 * Lines outside the catalog (delivery fee, non-drug items) are allowed and self-paid.
 */
export function checkRxForSettlement(
  db: SandboxDb,
  hiRxno: string,
  patient: PatientRow,
  lines: FeeLine[],
  isCatalogDrug: (code: string) => boolean,
  now: Date,
): RxRow {
  const row = findRx(db, hiRxno);
  if (!row || row.upld_time === null) throw new Refusal(`未查询到电子处方 ${hiRxno}`);
  if (row.psn_no !== patient.psn_no && row.certno !== patient.certno) {
    throw new Refusal('电子处方不属于本次结算的参保人');
  }
  const status = effectiveStatus(row, now);
  if (status.codg !== RX_STATUS.reviewed.codg) {
    throw new Refusal(NOT_SETTLEABLE[status.codg] ?? `处方状态为“${status.name}”，不能结算`);
  }
  const prescribed = new Map<string, number>();
  const drugs = uploadOf(row).rxdrugdetail;
  for (const d of Array.isArray(drugs) ? (drugs as Record<string, unknown>[]) : []) {
    const code = String(d.medListCodg ?? '');
    prescribed.set(code, (prescribed.get(code) ?? 0) + Math.round(Number(d.drugCnt ?? 0) * 10_000));
  }
  const asked = new Map<string, number>();
  for (const l of lines) {
    if (!isCatalogDrug(l.medListCodg)) continue;
    if (!prescribed.has(l.medListCodg)) {
      throw new Refusal(`药品 ${l.medListCodg} 不在电子处方中，不能结算（不得擅自更改处方药品）`);
    }
    asked.set(l.medListCodg, (asked.get(l.medListCodg) ?? 0) + l.cntUnits);
  }
  for (const [code, units] of asked) {
    if (units > (prescribed.get(code) ?? 0)) {
      throw new Refusal(`药品 ${code} 结算数量超过处方开具数量`);
    }
  }
  return row;
}
