import { dateOnly } from '../../center/clock';
import type { CatalogDrug } from '../../domain/catalog/catalog-drug';
import type { SandboxDb } from '../db';
import { Refusal } from '../refusal';
import type { FeeLine } from './compute';
import type { RegionPolicy } from './policy';
import { liveSettlementOfRx } from './store';

const nextDay = (date: string) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/**
 * 2101/2102 with a paper outside prescription (`x_rx_form` 'paper'; rxno
 * `<institution>-<serial>`). The center never saw it, so instead of the e-prescription's status
 * it applies the region's paper policy (R-PAPER-DUAL) and settles one paper rxno once
 * (R-STATUS). What passes is pooled like any outside prescription.
 */
export function checkPaperForSettlement(
  db: SandboxDb,
  rxno: string,
  region: RegionPolicy,
  lines: FeeLine[],
  catalog: ReadonlyMap<string, CatalogDrug>,
  now: Date,
): void {
  const today = dateOnly(now);
  const until = region.paper.acceptedUntil;
  if (until !== null && today > until) {
    throw new Refusal(
      `${region.name}自${nextDay(until)}起不再结算纸质外配处方（过渡期至${until}），请使用医保电子处方`,
    );
  }
  const cutoff = region.paper.dualChannelCutoff;
  if (today >= cutoff) {
    const dual = lines.map((l) => catalog.get(l.medListCodg)).find((d) => d?.dualChannel);
    if (dual) {
      throw new Refusal(
        `药品 ${dual.genname}（${dual.medListCodg}）为“双通道”药品，自${cutoff}起不得凭纸质处方结算，须使用医保电子处方`,
      );
    }
  }
  const live = liveSettlementOfRx(db, rxno);
  if (live) {
    throw new Refusal(
      `纸质处方 ${rxno} 已结算（结算ID ${live.setl_id}），同一张纸质处方不能重复结算`,
    );
  }
}
