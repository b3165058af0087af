import type { Out7204 } from '../center/rx/fsi-72xx';
import type { CatalogDrug } from '../domain/catalog/catalog-drug';
import { AppError } from '../domain/errors';
import { checkPaperPrescription } from '../domain/paper/paper-checks';
import { packCitation } from '../domain/policy/pack-citation';
import { validityFor } from '../domain/policy/policy-pack';
import { validityProblem } from '../domain/policy/validity';
import type { PaperRecord } from '../store/paper-repository';
import type { StoredPrescription } from '../store/prescription-repository';
import { dualChannelFactsOf } from './dual-channel-facts';
import { paperFieldsOf } from './paper/paper-views';
import type { RegionService } from './region-service';

/**
 * R-VALID at every step after download: a prescription that was valid at review can expire
 * before it is dispensed or settled, so dispensing start, completion and settlement (preview and
 * confirm) each ask again, on the center's clock where known.
 */
export function createRxValidityGate(deps: {
  regions: RegionService;
  catalog: ReadonlyMap<string, CatalogDrug>;
  now: () => Date;
}) {
  return {
    assertValid(p: StoredPrescription, step: '开始调剂' | '完成调剂' | '结算'): void {
      const reply = p.reply as Out7204;
      const d = reply.data;
      const pack = deps.regions.pack();
      const { validity, param } = validityFor(pack, dualChannelFactsOf(reply).chronicSpecial);
      const problem = validityProblem(
        { prscTime: d.prsc_time, uploadTime: d.x_upld_time, validEndTime: d.valid_end_time },
        validity,
        deps.now(),
      );
      if (!problem) return;
      throw new AppError(
        'POLICY',
        `${problem}，不能${step}（${pack.name}政策包：${pack.citations[param].source}）`,
        { ruleId: 'R-VALID', citation: packCitation('R-VALID', pack, param) },
      );
    },

    /**
     * A paper prescription passes its capture checks again when it is settled, as when it was
     * dispensed: it may have expired, or a paper cut-off passed, in between (R-VALID, R-PAPER-*).
     */
    assertPaperValid(r: PaperRecord, step: '结算'): void {
      const blocks = checkPaperPrescription(
        paperFieldsOf(r),
        deps.regions.pack(),
        (code) => deps.catalog.get(code),
        deps.now(),
      ).filter((f) => f.severity === 'block');
      const first = blocks[0];
      if (!first) return;
      const why = blocks.map((f) => `${f.message}（${f.ruleId}）`).join('；');
      throw new AppError('POLICY', `第${r.id}号纸质处方不能${step}：${why}`, {
        ruleId: first.ruleId,
        citation: first.citation,
      });
    },
  };
}

export type RxValidityGate = ReturnType<typeof createRxValidityGate>;
