import { dateTime } from '../../center/clock';
import { markDispensingUpload } from '../../store/sale-upload-repository';
import type { SettlementRecord } from '../../store/settlement-repository';
import type { SettlementContext } from './context';
import { packGroups } from './pack-groups';
import { pharmacistOf } from './pharmacist';
import type { Settleable } from './settle-gate';
import type { Operator } from './unknown-outcome';
import { input3505, input7207 } from './upload-bodies';
import { enqueueUpload } from './upload-queue';

export const docNoOf = (settlementId: number) => `S${settlementId}`;

/**
 * After a settlement, in the caller's transaction: 7207 to the e-prescription center (ordered
 * behind the prescription's 7206) and 3505 to the inventory interface (R-SALES-UP, R-STOCK).
 * A paper prescription's sale has only its 3505: the e-prescription center does not know it,
 * so no 7207 is queued or awaited (R-PAPER-KEEP keeps the paper record instead).
 */
export function queueSaleUploads(
  ctx: SettlementContext,
  s: SettlementRecord & { setlId: string; mdtrtId: string },
  g: Settleable,
  op: Operator,
  at: number,
): void {
  const d = s.dispensingId;
  const groups = packGroups(
    ctx.db,
    ctx.dispensings.lines(d),
    ctx.dispensings.codes(d),
    ctx.dispensings.allocations(d),
    ctx.catalog,
  );
  const when = dateTime(new Date(at));
  const docNo = docNoOf(s.id);
  const owner = { settlementId: s.id };
  const common = { ...op, insuplcAdmdvs: s.insuplcAdmdvs };
  if (g.source === 'electronic') {
    const sale = {
      hiRxno: s.hiRxno,
      rxChkBizSn: g.review.rxChkBizSn,
      setlId: s.setlId,
      mdtrtId: s.mdtrtId,
      psnNo: s.psnNo,
      fundFen: s.fundFen ?? 0,
      acctFen: s.acctFen ?? 0,
      cashFen: s.cashFen ?? 0,
      setlTime: dateTime(new Date(s.settledAt ?? at)),
      docNo,
    };
    const m7207 = enqueueUpload(
      ctx,
      owner,
      {
        infno: '7207',
        input: input7207(sale, pharmacistOf(ctx.db, g.review.reviewerId), groups, when),
        ...common,
      },
      { hiRxno: s.hiRxno },
      at,
    );
    markDispensingUpload(ctx.db, d, '7207', { state: 'queued', msgid: m7207 }, at);
  }
  const m3505 = enqueueUpload(
    ctx,
    owner,
    {
      infno: '3505',
      input: input3505(
        {
          docNo,
          setlId: s.setlId,
          psnNo: s.psnNo,
          hiRxno: s.hiRxno,
          paper: g.source === 'paper',
        },
        groups,
        when,
      ),
      ...common,
    },
    { hiRxno: s.hiRxno },
    at,
  );
  markDispensingUpload(ctx.db, d, '3505', { state: 'queued', msgid: m3505 }, at);
}
