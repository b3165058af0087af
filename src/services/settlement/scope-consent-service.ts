import { dateTime } from '../../center/clock';
import type { Out7204 } from '../../center/rx/fsi-72xx';
import type { ScopeConsentsView } from '../../contract/types-settlement';
import { AppError } from '../../domain/errors';
import { maskName } from '../../domain/mask';
import { feeLines } from '../../domain/settlement/fee-lines';
import {
  assertConsentableLine,
  assertScopeConsents,
  outOfScopeLines,
} from '../../domain/settlement/scope-consent';
import type { ConsentSigner } from '../../store/scope-consent-repository';
import type { AuthenticatedSession } from '../auth-service';
import type { SettlementContext } from './context';
import { factsOfReply, rxSettleFacts } from './rx-facts';
import { requireSettleable, type Settleable } from './settle-gate';

export interface ScopeConsentInput {
  dispensingId: number;
  lineNos: number[];
  signedBy: string;
  signerRelation: ConsentSigner;
  formNo: string;
}

function outOfScope(ctx: SettlementContext, g: Settleable) {
  const d = g.dispensing;
  return outOfScopeLines(
    rxSettleFacts(ctx, g),
    feeLines(d.id, ctx.dispensings.lines(d.id), ctx.catalog),
  );
}

/** R-SCOPE before 2101/2102: every out-of-scope line has its signed consent. */
export function requireScopeConsents(ctx: SettlementContext, g: Settleable): void {
  const consented = new Set(ctx.scopeConsents.forDispensing(g.dispensing.id).map((c) => c.lineNo));
  assertScopeConsents(outOfScope(ctx, g), consented);
}

/**
 * Records the patient's signed 自费用药知情同意书 for out-of-scope lines of a completed, not yet
 * settled dispensing: who signed, the form's number, who recorded it and when (R-SCOPE).
 */
export function recordScopeConsent(
  ctx: SettlementContext,
  session: AuthenticatedSession,
  input: ScopeConsentInput,
): ScopeConsentsView {
  const g = requireSettleable(ctx, input.dispensingId);
  const lines = outOfScope(ctx, g);
  const at = ctx.now().getTime();
  ctx.db
    .transaction(() => {
      const already = new Set(
        ctx.scopeConsents.forDispensing(input.dispensingId).map((c) => c.lineNo),
      );
      for (const lineNo of input.lineNos) {
        const line = assertConsentableLine(lines, lineNo);
        if (already.has(lineNo)) {
          throw new AppError('CONFLICT', `第${lineNo}行已登记自费用药知情同意书`, {
            ruleId: 'R-SCOPE',
          });
        }
        ctx.scopeConsents.add({
          dispensingId: input.dispensingId,
          lineNo,
          medListCodg: line.medListCodg,
          signedBy: input.signedBy.trim(),
          signerRelation: input.signerRelation,
          formNo: input.formNo.trim(),
          recordedBy: session.staff.id,
          recordedAt: at,
        });
      }
    })
    .immediate();
  return scopeConsentsView(ctx, input.dispensingId);
}

/** The out-of-scope lines of a dispensing and the consents recorded for them. */
export function scopeConsentsView(ctx: SettlementContext, dispensingId: number): ScopeConsentsView {
  const d = ctx.dispensings.get(dispensingId);
  if (!d) throw new AppError('NOT_FOUND', `没有调剂单 ${dispensingId}`);
  const hiRxno = d.paperId === null ? d.hiRxno : null;
  const p = hiRxno ? ctx.prescriptions.get(hiRxno) : undefined;
  const facts = p ? factsOfReply(p.reply as Out7204) : null;
  const consents = ctx.scopeConsents.forDispensing(dispensingId);
  const consented = new Set(consents.map((c) => c.lineNo));
  return {
    dispensingId,
    outOfScope: outOfScopeLines(
      facts,
      feeLines(d.id, ctx.dispensings.lines(d.id), ctx.catalog),
    ).map((l) => ({
      lineNo: l.lineNo ?? 0,
      medListCodg: l.medListCodg,
      name: l.name,
      consented: l.lineNo !== null && consented.has(l.lineNo),
    })),
    consents: consents.map((c) => ({
      lineNo: c.lineNo,
      medListCodg: c.medListCodg,
      signedByMasked: maskName(c.signedBy),
      signerRelation: c.signerRelation,
      formNo: c.formNo,
      recordedByName: c.recordedByName,
      recordedAt: dateTime(new Date(c.recordedAt)),
    })),
  };
}
