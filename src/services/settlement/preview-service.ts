import type { SettlePreview } from '../../api/types-settlement';
import { dateTime } from '../../center/clock';
import { assertOk } from '../../center/fsi-client';
import { AppError } from '../../domain/errors';
import type { AuthenticatedSession } from '../auth-service';
import { centerFailure } from '../center-errors';
import { paperSourceOf } from '../paper/paper-views';
import type { SettlementContext } from './context';
import { feeLines, settleInput } from './fee-lines';
import { type PatientCert, patientView, resolveInsured } from './insured-person';
import { requireSettleable } from './settle-gate';
import { selfPayNotices, settleOutputSchema, splitLines, splitTotals } from './split-view';

export interface PreviewInput {
  dispensingId: number;
  patient?: PatientCert | undefined;
  useAccount?: boolean | undefined;
  deliveryFeeFen?: number | undefined;
}

/** settle.preview: 2101, the split as the center computes it; no effect at the center. */
export function createPreviewService(ctx: SettlementContext) {
  return async function preview(
    session: AuthenticatedSession,
    input: PreviewInput,
  ): Promise<SettlePreview> {
    const g = requireSettleable(ctx, input.dispensingId);
    const d = g.dispensing;
    const person = await resolveInsured(
      ctx,
      session,
      d.certno,
      input.patient,
      input.useAccount ?? true,
    );
    const lines = feeLines(d.id, ctx.dispensings.lines(d.id), ctx.catalog, input.deliveryFeeFen);
    const at = ctx.now();
    const signNo = await ctx.auth.ensureSignedIn(session);
    let output: unknown;
    let warnMsg: string | null = null;
    try {
      const res = assertOk(
        await ctx.fsi.call({
          infno: '2101',
          input: settleInput(g, person, lines, dateTime(at)),
          opter: session.staff.username,
          opterName: session.staff.displayName,
          signNo,
          insuplcAdmdvs: person.insuplcAdmdvs,
        }),
      );
      output = res.output;
      warnMsg = res.warn_msg || null;
    } catch (err) {
      throw centerFailure(err, '预结算（2101）');
    }
    const parsed = settleOutputSchema.safeParse(output);
    if (!parsed.success) {
      throw new AppError(
        'CENTER_BAD_REPLY',
        '预结算失败：医保中心返回的结算数据无法识别，已拒绝使用',
      );
    }
    const stored = ctx.previews.put({
      dispensingId: d.id,
      person,
      deliveryFeeFen: input.deliveryFeeFen ?? 0,
    });
    const split = splitLines(parsed.data, lines);
    return {
      previewId: stored.previewId,
      dispensingId: d.id,
      hiRxno: g.rxno,
      source: g.source,
      paper: g.source === 'paper' ? paperSourceOf(g.paper) : null,
      patient: patientView(d.patientName, d.certno, person.insutype),
      lines: split,
      split: splitTotals(parsed.data, warnMsg),
      selfPayNotices: selfPayNotices(split),
      previewedAt: dateTime(at),
    };
  };
}
