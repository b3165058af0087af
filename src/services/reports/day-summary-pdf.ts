import type { DaySummary } from '../../contract/types-reports';
import { yuanText } from '../../domain/money';
import { A4, cjkPdf, textLine, wrapToWidth } from '../../domain/pdf/cjk-text-pdf';

const MARGIN = 56;
const SIZE = 11;
const LEAD = 17;
const WIDTH = A4.width - 2 * MARGIN;

/** The summary's printed lines, in order; headings start with 【. */
export function daySummaryLines(s: DaySummary): string[] {
  const t = s.settlements;
  const held = s.held.map(
    (h) =>
      `尾号 ${h.rxnoTail}　${h.patientMasked}　${h.completedAt}　${h.drugs}` +
      (h.carriedOver
        ? `　已结转：${h.carriedOver.reason}（${h.carriedOver.staffName}）`
        : '　未处理'),
  );
  const outbox = s.outbox.map(
    (o) => `${o.name}：待上传 ${o.waiting} 笔${o.parked > 0 ? `，暂停待处理 ${o.parked} 笔` : ''}`,
  );
  return [
    `日期：${s.day}　　生成时间：${s.at}`,
    '【结算】',
    `医保结算 ${t.settlements} 笔，医疗费总额 ${yuanText(t.medfeeFen)} 元`,
    `统筹基金 ${yuanText(t.fundFen)} 元，个人账户 ${yuanText(t.acctFen)} 元，现金 ${yuanText(t.cashFen)} 元`,
    `自费零售 ${t.selfPaySales} 笔，${yuanText(t.selfPayFen)} 元`,
    `退费 ${t.refunds} 笔，${yuanText(t.refundedFen)} 元`,
    `净额 ${yuanText(t.netFen)} 元`,
    `【待结算调剂】${s.held.length} 笔，未处理 ${s.openHeld} 笔`,
    ...(held.length > 0 ? held : ['无']),
    '【上传队列】',
    ...(outbox.length > 0 ? outbox : ['全部已上传']),
    '【其他】',
    `扫码拒收 ${s.scanRefusals} 次`,
    `纸质处方待药师确认 ${s.paperAwaitingPharmacist} 张`,
  ];
}

/** 日结汇总 on A4 pages, in the receipts' CJK font; long lines wrap. */
export function renderDaySummaryPdf(s: DaySummary): Buffer {
  const pages: string[][] = [];
  let ops: string[] = [textLine(MARGIN, A4.height - MARGIN, 16, '日结汇总')];
  let y = A4.height - MARGIN - 30;
  for (const line of daySummaryLines(s)) {
    for (const part of wrapToWidth(line, SIZE, WIDTH)) {
      if (y < MARGIN) {
        pages.push(ops);
        ops = [];
        y = A4.height - MARGIN;
      }
      ops.push(textLine(MARGIN, y, SIZE, part));
      y -= LEAD;
    }
  }
  pages.push(ops);
  return cjkPdf(pages.map((p) => p.join('\n')));
}
