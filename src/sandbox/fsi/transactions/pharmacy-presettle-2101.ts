import { dateTime } from '../../../center/clock';
import { settlementOutput } from '../../settlement/output';
import { prepareSettlement } from '../../settlement/prepare';
import { settlementWarning } from '../../settlement/warnings';
import type { FsiTransaction } from '../context';

/** 2101 药店预结算: the 2102 split without any effect (no ids, no debit, no status change). */
export const pharmacyPresettle2101: FsiTransaction = {
  name: '药店预结算',
  requiresSignIn: true,
  run(ctx) {
    const p = prepareSettlement(ctx);
    const output = settlementOutput(
      p,
      { mdtrtId: '', setlTime: dateTime(ctx.now), medinsSetlId: ctx.request.msgid },
      ctx.now,
    );
    const warnMsg = settlementWarning(p);
    return { output, ...(warnMsg ? { warnMsg } : {}) };
  },
};
