import { dateTime } from '../../center/clock';
import type { StockUploadView } from '../../contract/types-stock';
import type { StockUploadRow } from '../../store/stock-movement-repository';
import type { SettlementContext } from '../settlement/context';
import { uploadView } from '../settlement/upload-view';

type Rec = Record<string, unknown>;

const CHANGE_NAMES: Record<string, string> = {
  '103': '盘盈',
  '104': '盘亏',
  '105': '报损',
  '106': '报溢',
};

function records(body: string | null): Rec[] {
  if (!body) return [];
  try {
    const input = (JSON.parse(body) as { input?: Rec }).input ?? {};
    const node = input.purcinfo ?? input.invinfo;
    return (Array.isArray(node) ? node : node ? [node] : []) as Rec[];
  } catch {
    return [];
  }
}

/** One line saying what the upload reports, read from its frozen request. */
function summary(infno: string, body: string | null): string {
  const rs = records(body);
  const r = rs[0];
  if (!r) return '';
  const drug = `${String(r.fixmedins_hilist_name)} 批号 ${String(r.fixmedins_bchno)}`;
  if (infno === '3501') return `盘存 ${rs.length} 个批次`;
  if (infno === '3503')
    return `${drug} 进货 ${String(r.purc_retn_cnt)} 盒（${String(r.spler_name)}）`;
  if (infno === '3504')
    return `${drug} 退货 ${String(r.purc_retn_cnt)} 盒（${String(r.spler_name)}：${String(r.memo ?? '')}）`;
  const change = CHANGE_NAMES[String(r.inv_chg_type)] ?? String(r.inv_chg_type);
  return `${drug} ${change} ${String(r.cnt)} 盒${r.memo ? `（${String(r.memo)}）` : ''}`;
}

/** A stock upload with its outbox state (queued / delivered / parked and the last error). */
export function stockUploadView(ctx: SettlementContext, row: StockUploadRow): StockUploadView {
  const u = uploadView(ctx, row);
  return {
    id: row.id,
    infno: row.infno,
    label: u.label,
    state: u.state,
    stateLabel: u.stateLabel,
    msgid: row.msgid,
    attempts: u.attempts,
    lastError: u.lastError,
    createdAt: dateTime(new Date(row.createdAt)),
    deliveredAt: u.deliveredAt,
    batchId: row.batchId,
    summary: summary(row.infno, row.body),
  };
}
