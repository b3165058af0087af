import type { StoreDayTotals } from '../contract/types-store-settlements';
import { yuanText } from '../domain/money';
import { formatBeijingDateTime } from '../domain/policy/beijing-time';
import type { ChainDayReport } from './day-report';
import type { StoreFeed } from './replication-status';
import type { ChainStock } from './stock-report';

function totalsLine(label: string, t: StoreDayTotals): string {
  return (
    `${label}：结算 ${t.settlements} 笔，退费 ${t.refunds} 笔；` +
    `医疗费总额 ${yuanText(t.medfeeFen)} 元（统筹 ${yuanText(t.fundFen)}，` +
    `个人账户 ${yuanText(t.acctFen)}，现金 ${yuanText(t.cashFen)}）；` +
    `自费销售 ${t.cashSales} 笔 ${yuanText(t.cashSalesFen)} 元`
  );
}

function feedLine(f: StoreFeed): string {
  const at = f.receivedUpTo === null ? '尚未收到' : formatBeijingDateTime(new Date(f.receivedUpTo));
  return `  门店 ${f.institution}：数据截至 ${at}${f.connected ? '' : '（当前未连接，恢复后自动补齐）'}`;
}

/** The chain's day report as text for the terminal (amounts in yuan, settled minus refunded). */
export function dayReportText(r: ChainDayReport): string {
  const lines = [`连锁日结汇总 ${r.day}（北京时间；金额为结算减退费）`];
  for (const s of r.stores) {
    lines.push(totalsLine(`门店 ${s.institution}`, s.store));
    for (const c of s.counters) lines.push(totalsLine(`  柜台 ${c.counterId}`, c));
  }
  lines.push(
    totalsLine('全连锁合计', r.chain),
    '各门店数据时效（北京时间）：',
    ...r.feeds.map(feedLine),
  );
  return lines.join('\n');
}

/** Stock on hand per store and batch, as text. */
export function stockText(s: ChainStock): string {
  const lines = ['各门店库存（按批号）'];
  for (const store of s.stores) {
    lines.push(`门店 ${store.institution}`);
    for (const b of store.batches) {
      lines.push(
        `  ${b.medListCodg}  批号 ${b.batchNo}  有效期至 ${b.expiry}  结存 ${b.onHand} 盒`,
      );
    }
    if (store.batches.length === 0) lines.push('  （无批次）');
  }
  lines.push('各门店数据时效（北京时间）：', ...s.feeds.map(feedLine));
  return lines.join('\n');
}
