import type { Out7204 } from '../center/rx/fsi-72xx';
import type { DualChannelFacts } from '../domain/policy/dual-channel-fix';
import { SETTLE_CODES } from '../domain/settlement/settle-codes';

const text = (v: unknown): string => (typeof v === 'string' ? v : '');

/** The “三定” facts a 7204 download carries in mdtrtinfo (R-DUAL-FIX). */
export function dualChannelFactsOf(reply: Pick<Out7204, 'mdtrtinfo'>): DualChannelFacts {
  const m = reply.mdtrtinfo as Record<string, unknown>;
  return {
    hospLv: text(m.x_hosp_lv),
    specHosp: text(m.x_spec_hosp),
    responsibleDoctor: text(m.x_dual_resp_dr),
    applyNo: text(m.x_dual_apply_no),
    chronicSpecial: text(m.med_type) === SETTLE_CODES.chronicSpecialMedType,
  };
}
