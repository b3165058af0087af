import type { Out7204 } from '../../center/rx/fsi-72xx';
import type { RxSettleFacts } from '../../domain/settlement/rx-settle-facts';
import type { SettlementContext } from './context';
import type { Settleable } from './settle-gate';

/** The settlement facts of an e-prescription's archived 7204 download; null for paper. */
export function rxSettleFacts(ctx: SettlementContext, g: Settleable): RxSettleFacts | null {
  if (g.source !== 'electronic') return null;
  const p = ctx.prescriptions.get(g.rxno);
  if (!p) return null;
  return factsOfReply(p.reply as Out7204);
}

export function factsOfReply(reply: Out7204): RxSettleFacts {
  const visit = reply.mdtrtinfo as Out7204['mdtrtinfo'] & { med_type?: unknown };
  const main = reply.diseinfo.find((d) => d.maindiag_flag === '1') ?? reply.diseinfo[0];
  return {
    medType: typeof visit.med_type === 'string' ? visit.med_type : '',
    diseCodg: visit.maindiag_code ?? main?.diag_code ?? '',
    diseName: visit.maindiag_name ?? main?.diag_name ?? '',
    hospApprFlags: new Map(
      reply.rxdrugdetail.map((l, i) => {
        const flag = (l as Record<string, unknown>).hosp_appr_flag;
        return [i + 1, typeof flag === 'string' && flag !== '' ? flag : '0'] as const;
      }),
    ),
  };
}
