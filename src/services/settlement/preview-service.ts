import { dateTime } from '../../center/clock';
import type { SettlePreview } from '../../contract/types-settlement';
import type { AuthenticatedSession } from '../auth-service';
import { paperSourceOf } from '../paper/paper-views';
import type { SettlementContext } from './context';
import { patientView } from './insured-person';
import { type PresettleInput, presettle } from './presettle';
import { requireSettleable } from './settle-gate';
import { selfPayNotices, splitLines, splitTotals } from './split-view';

export interface PreviewInput extends PresettleInput {
  dispensingId: number;
}

/** settle.preview: 2101, the split as the center computes it; no effect at the center. */
export function createPreviewService(ctx: SettlementContext) {
  return async function preview(
    session: AuthenticatedSession,
    input: PreviewInput,
  ): Promise<SettlePreview> {
    const g = requireSettleable(ctx, input.dispensingId);
    const d = g.dispensing;
    const p = await presettle(ctx, session, g, input);
    const stored = ctx.previews.put({
      dispensingId: d.id,
      person: p.person,
      deliveryFeeFen: input.deliveryFeeFen ?? 0,
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
      previewedAt: dateTime(p.at),
    };
  };
}
