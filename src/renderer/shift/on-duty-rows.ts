import type { StoreOnDutyView } from '../../contract/types-review';

/** One pharmacist's shift at one counter, as the 门店在岗 table shows it. */
export interface OnDutyRow {
  key: string;
  counter: string;
  name: string;
  pharmacistCode: string;
  openedAt: string;
  /** 同时在 2 个柜台在岗, for the owner to see (recorded, not refused: D50); '' when at one */
  note: string;
  atCounters: number;
}

/** Who is on duty where, by counter then name; a pharmacist at several counters is marked. */
export function onDutyRows(view: StoreOnDutyView): OnDutyRow[] {
  return [...view.shifts]
    .sort(
      (a, b) =>
        a.counterId.localeCompare(b.counterId) || a.pharmacistName.localeCompare(b.pharmacistName),
    )
    .map((s) => ({
      key: `${s.counterId}-${s.pharmacistCode}`,
      counter: `柜台 ${s.counterId}`,
      name: s.pharmacistName,
      pharmacistCode: s.pharmacistCode,
      openedAt: s.openedAt,
      note: s.atCounters > 1 ? `同时在 ${s.atCounters} 个柜台在岗` : '',
      atCounters: s.atCounters,
    }));
}
