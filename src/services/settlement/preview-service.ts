import { dateTime } from '../../center/clock';
import type { SettlePreview } from '../../contract/types-settlement';
import type { AuthenticatedSession } from '../auth-service';
import { paperSourceOf } from '../paper/paper-views';
import type { SettlementContext } from './context';
import { patientView } from './insured-person';
import { type PresettleInput, presettle } from './presettle';
import { settleableAfterReviewUpload } from './review-upload-wait';
import { selfPayNotices, splitLines, splitTotals } from './split-view';
import { runSupervision, supervisionView } from './supervision';

export interface PreviewInput extends PresettleInput {
  dispensingId: number;
}

/**
 * settle.preview: 2101, the split as the center computes it, and the platform's 3101 check of
 * the same lines (R-SUPERVISE); no effect at the center.
 */
export function createPreviewService(ctx: SettlementContext) {
  return async function preview(
    session: AuthenticatedSession,
    input: PreviewInput,
  ): Promise<SettlePreview> {
    const g = await settleableAfterReviewUpload(ctx, input.dispensingId);
    const d = g.dispensing;
    const p = await presettle(ctx, session, g, input);
    const check = await runSupervision(ctx, session, g, p.person, p.lines);
    const stored = ctx.previews.put({
      dispensingId: d.id,
      person: p.person,
      deliveryFeeFen: input.deliveryFeeFen ?? 0,
      supervisionCheckId: check.id,
    });
    const split = splitLines(p.output, p.lines, p.outOfScope);
    return {
      previewId: stored.previewId,
      dispensingId: d.id,
      hiRxno: g.rxno,
      source: g.source,
      paper: g.source === 'paper' ? paperSourceOf(g.paper) : null,
      // Whose account the center says it would settle on, not what we asked for.
      patient: patientView(p.checked.psnName, p.checked.certno, p.person.insutype),
      lines: split,
      split: splitTotals(p.output, p.warnMsg),
      selfPayNotices: selfPayNotices(split),
      supervision: supervisionView(check, ctx.config.pharmacy.admdvs),
      previewedAt: dateTime(p.at),
    };
  };
}
