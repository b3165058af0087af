import type { ReconDifference, ReconDifferenceKind } from '../../contract/types-recon';
import { yuanText as yuan } from '../../domain/money';
import type { CenterSettlementRecord } from './center-records';
import type { LocalSettlement, PendingUpload } from './local-records';

const LABELS: Record<ReconDifferenceKind, string> = {
  missing_at_center: '中心无记录',
  missing_locally: '本地无记录',
  amount_mismatch: '金额不符',
  upload_not_delivered: '上传未送达',
};

function diff(
  kind: ReconDifferenceKind,
  message: string,
  at: { setlId?: string | null; hiRxno?: string | null; msgid?: string | null },
): ReconDifference {
  return {
    kind,
    kindLabel: LABELS[kind],
    setlId: at.setlId ?? null,
    hiRxno: at.hiRxno ?? null,
    msgid: at.msgid ?? null,
    message: `[R-RECON] ${message}`,
  };
}

/** Pure comparison of a period's two sides, settlement by settlement (R-RECON). */
export function compareSettlements(
  local: LocalSettlement[],
  center: CenterSettlementRecord[],
  pending: PendingUpload[],
): ReconDifference[] {
  const out: ReconDifference[] = [];
  const live = center.filter((c) => c.stas === '1');
  const bySetlId = new Map(live.map((c) => [c.setlId, c]));
  const byMsgid = new Map(live.map((c) => [c.msgid, c]));
  const matched = new Set<string>();
  for (const s of local.filter((x) => x.state === 'settled')) {
    const c = (s.setlId ? bySetlId.get(s.setlId) : undefined) ?? byMsgid.get(s.msgid);
    if (!c) {
      out.push(
        diff(
          'missing_at_center',
          `本地已结算（${s.setlId ?? s.msgid}，${yuan(s.medfeeFen)} 元），医保中心无有效结算记录：请核实是否已被中心冲正，必要时联系经办机构`,
          s,
        ),
      );
      continue;
    }
    matched.add(c.setlId);
    const pairs: Array<[string, number | null, number]> = [
      ['医疗费总额', s.medfeeFen, c.medfeeFen],
      ['基金支付', s.fundFen, c.fundFen],
      ['个人账户支付', s.acctFen, c.acctFen],
      ['个人现金支付', s.cashFen, c.cashFen],
    ];
    const wrong = pairs.filter(([, mine, theirs]) => mine !== null && mine !== theirs);
    if (wrong.length > 0) {
      const what = wrong
        .map(
          ([name, mine, theirs]) => `${name} 本地 ${yuan(mine ?? 0)} 元 / 中心 ${yuan(theirs)} 元`,
        )
        .join('；');
      out.push(diff('amount_mismatch', `结算 ${c.setlId} 金额不符：${what}`, s));
    }
  }
  const localMsgids = new Map(local.map((s) => [s.msgid, s]));
  for (const c of live) {
    if (matched.has(c.setlId)) continue;
    const mine = localMsgids.get(c.msgid);
    const why = mine ? `本地记录状态为“${mine.state}”` : '本机没有对应的结算请求';
    out.push(
      diff(
        'missing_locally',
        `医保中心有有效结算 ${c.setlId}（${yuan(c.medfeeFen)} 元），${why}：请核对收费，必要时办理冲正（2601）或补录`,
        { setlId: c.setlId, hiRxno: c.hiRxno, msgid: c.msgid },
      ),
    );
  }
  for (const u of pending) {
    const state = u.status === 'parked' ? '已搁置，需人工处理' : '等待发送';
    out.push(
      diff(
        'upload_not_delivered',
        `上传 ${u.infno}（${u.msgid}）尚未送达医保中心（${state}${u.lastError ? `：${u.lastError}` : ''}）：请在上传队列中“立即发送”或处理搁置原因`,
        { hiRxno: u.hiRxno, msgid: u.msgid },
      ),
    );
  }
  return out;
}
