import { dateTime } from '../../center/clock';
import { markDispensingUpload } from '../../store/sale-upload-repository';
import type { SettlementRecord } from '../../store/settlement-repository';
import type { SettlementContext } from './context';
import { packGroups } from './pack-groups';
import { pharmacistOf } from './pharmacist';
import type { Operator } from './unknown-outcome';
import { input3505, input7207 } from './upload-bodies';
import { enqueueUpload } from './upload-queue';

export const docNoOf = (settlementId: number) => `S${settlementId}`;

/**
 * After a settlement: 7207 to the e-prescription center and 3505 to the inventory interface,
 * in the caller's transaction, ordered behind the prescription's 7206 (R-SALES-UP, R-STOCK).
 */
export function queueSaleUploads(
  ctx: SettlementContext,
  s: SettlementRecord & { setlId: string; mdtrtId: string },
  rxChkBizSn: string,
  reviewerId: number,
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
  const sale = {
    hiRxno: s.hiRxno,
    rxChkBizSn,
    setlId: s.setlId,
    mdtrtId: s.mdtrtId,
    psnNo: s.psnNo,
    fundFen: s.fundFen ?? 0,
    acctFen: s.acctFen ?? 0,
    cashFen: s.cashFen ?? 0,
    setlTime: dateTime(new Date(s.settledAt ?? at)),
    docNo: docNoOf(s.id),
  };
  const owner = { settlementId: s.id };
  const common = { ...op, insuplcAdmdvs: s.insuplcAdmdvs };
  const m7207 = enqueueUpload(
    ctx,
    owner,
    {
      infno: '7207',
      input: input7207(sale, pharmacistOf(ctx.db, reviewerId), groups, when),
      ...common,
    },
    s.hiRxno,
    at,
  );
  const m3505 = enqueueUpload(
    ctx,
    owner,
    {
      infno: '3505',
      input: input3505(
        { docNo: sale.docNo, setlId: s.setlId, psnNo: s.psnNo, hiRxno: s.hiRxno },
        groups,
        when,
      ),
      ...common,
    },
    s.hiRxno,
    at,
  );
  markDispensingUpload(ctx.db, d, '7207', { state: 'queued', msgid: m7207 }, at);
  markDispensingUpload(ctx.db, d, '3505', { state: 'queued', msgid: m3505 }, at);
}
