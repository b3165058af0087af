import type {
  CatalogCoverageReport,
  DailySettlementsReport,
  DispensingByDrugReport,
  FlowedPricesReport,
  OutboxHealthReport,
  Report,
} from '../../../contract/types-reports';
import { yuanText as yuan } from '../../../domain/money';
import { REPORT_TITLES } from '../report-access';
import type { Column, ReportDocument } from './report-document';

const BLUE: [number, number, number] = [0.2, 0.45, 0.8];
const GREEN: [number, number, number] = [0.3, 0.65, 0.35];
const ORANGE: [number, number, number] = [0.95, 0.6, 0.15];
const GREY: [number, number, number] = [0.6, 0.6, 0.6];
const RED: [number, number, number] = [0.85, 0.25, 0.2];
/** Bars a chart shows at most (the table lists every row). */
const TOP_DRUGS = 15;

const col = (header: string, kind: Column['kind']): Column => ({ header, kind });
const periodOf = (p: { from: string; to: string }) => `${p.from} 至 ${p.to}`;
const stem = (title: string, p: { from: string; to: string }) => `${title}_${p.from}至${p.to}`;

function settlementsDaily(r: DailySettlementsReport): ReportDocument {
  const t = r.totals;
  return {
    fileStem: stem(REPORT_TITLES[r.kind], r.period),
    title: REPORT_TITLES[r.kind],
    periodText: periodOf(r.period),
    summary: [
      ['医保结算', `${t.settlements} 笔，医疗费 ${yuan(t.medfeeFen)} 元`],
      ['基金支付', `${yuan(t.fundFen)} 元`],
      ['个人账户 / 现金', `${yuan(t.acctFen)} 元 / ${yuan(t.cashFen)} 元`],
      ['自费销售', `${t.selfPaySales} 笔，${yuan(t.selfPayFen)} 元`],
      ['退费', `${t.refunds} 笔，${yuan(t.refundedFen)} 元`],
      ['净额（医疗费 + 自费 − 退费）', `${yuan(t.netFen)} 元`],
    ],
    sections: [
      {
        columns: [
          col('日期', 'text'),
          col('结算笔数', 'int'),
          col('医疗费总额(元)', 'yuan'),
          col('基金支付(元)', 'yuan'),
          col('个人账户(元)', 'yuan'),
          col('个人现金(元)', 'yuan'),
          col('自费笔数', 'int'),
          col('自费金额(元)', 'yuan'),
          col('退费笔数', 'int'),
          col('退费金额(元)', 'yuan'),
          col('净额(元)', 'yuan'),
        ],
        rows: r.rows.map((d) => [
          d.date,
          d.settlements,
          d.medfeeFen,
          d.fundFen,
          d.acctFen,
          d.cashFen,
          d.selfPaySales,
          d.selfPayFen,
          d.refunds,
          d.refundedFen,
          d.netFen,
        ]),
        totals: [
          '合计',
          t.settlements,
          t.medfeeFen,
          t.fundFen,
          t.acctFen,
          t.cashFen,
          t.selfPaySales,
          t.selfPayFen,
          t.refunds,
          t.refundedFen,
          t.netFen,
        ],
      },
    ],
    chart: {
      title: '每日收入构成（基金支付 / 个人账户 / 个人现金 / 自费销售）',
      unit: '元',
      series: [
        { name: '基金支付', color: BLUE },
        { name: '个人账户', color: GREEN },
        { name: '个人现金', color: ORANGE },
        { name: '自费销售', color: GREY },
      ],
      categories: r.rows.map((d) => ({
        label: d.date.slice(5),
        values: [d.fundFen / 100, d.acctFen / 100, d.cashFen / 100, d.selfPayFen / 100],
      })),
    },
  };
}

function dispensingByDrug(r: DispensingByDrugReport): ReportDocument {
  return {
    fileStem: stem(REPORT_TITLES[r.kind], r.period),
    title: REPORT_TITLES[r.kind],
    periodText: periodOf(r.period),
    summary: [
      ['处方（调剂单）', `${r.totals.prescriptions} 张`],
      ['发出', `${r.totals.packs} 包装`],
      ['结算金额', `${yuan(r.totals.amountFen)} 元（按结算明细；未结算的调剂不计金额）`],
    ],
    sections: [
      {
        columns: [
          col('医保目录编码', 'text'),
          col('通用名', 'text'),
          col('规格', 'text'),
          col('单位', 'text'),
          col('处方数', 'int'),
          col('其中纸质', 'int'),
          col('出库包装数', 'int'),
          col('结算金额(元)', 'yuan'),
        ],
        rows: r.rows.map((d) => [
          d.medListCodg,
          d.genname,
          d.spec,
          d.packUnit,
          d.prescriptions,
          d.paperPrescriptions,
          d.packs,
          d.amountFen,
        ]),
        totals: [
          '合计',
          '',
          '',
          '',
          r.totals.prescriptions,
          null,
          r.totals.packs,
          r.totals.amountFen,
        ],
      },
    ],
    chart: {
      title: `出库包装数（前 ${TOP_DRUGS} 种药品）`,
      unit: '包装',
      series: [{ name: '出库包装数', color: BLUE }],
      categories: r.rows.slice(0, TOP_DRUGS).map((d) => ({ label: d.genname, values: [d.packs] })),
    },
  };
}

function catalogCoverage(r: CatalogCoverageReport): ReportDocument {
  const pct = (n: number) => `${(n * 100).toFixed(1)}%`;
  return {
    fileStem: `${REPORT_TITLES[r.kind]}_截至${r.asOf}`,
    title: REPORT_TITLES[r.kind],
    periodText: `截至 ${r.asOf}（当前库存）`,
    summary: [
      ['在库品种', `${r.stockedVarieties} 种`],
      ['其中医保目录内', `${r.listedVarieties} 种`],
      [
        '目录内占比',
        `${pct(r.share)}（标准不低于 ${pct(r.threshold)}，${r.meets ? '达标' : '未达标'}）R-CATALOG`,
      ],
    ],
    sections: [
      {
        columns: [
          col('医保目录编码', 'text'),
          col('药品', 'text'),
          col('医保目录内', 'text'),
          col('在库包装数', 'int'),
        ],
        rows: r.rows.map((d) => [d.medListCodg, d.name, d.listed ? '是' : '否', d.packsOnHand]),
        totals: [
          '合计',
          `${r.stockedVarieties} 种，目录内 ${r.listedVarieties} 种（${pct(r.share)}）`,
          r.meets ? '达标' : '未达标',
          r.rows.reduce((s, d) => s + d.packsOnHand, 0),
        ],
      },
    ],
    chart: {
      title: '在库品种中医保目录内占比（参考线：70%）',
      unit: '%',
      max: 100,
      series: [
        { name: '目录内', color: r.meets ? GREEN : RED },
        { name: '目录外', color: GREY },
      ],
      categories: [
        {
          label: '在库品种',
          values: [r.share * 100, r.stockedVarieties === 0 ? 0 : 100 - r.share * 100],
        },
      ],
      reference: { value: r.threshold * 100, label: `${pct(r.threshold)} 标准线` },
    },
  };
}

function outboxHealth(r: OutboxHealthReport): ReportDocument {
  const age =
    r.oldestPendingAgeMs === null ? '无' : `${(r.oldestPendingAgeMs / 60_000).toFixed(1)} 分钟`;
  return {
    fileStem: stem(REPORT_TITLES[r.kind], r.period),
    title: REPORT_TITLES[r.kind],
    periodText: periodOf(r.period),
    summary: [
      ['待上传', `${r.pending} 条`],
      ['已搁置', `${r.parked} 条`],
      ['最早待上传已等待', age],
    ],
    sections: [
      {
        title: '按交易',
        columns: [
          col('交易', 'text'),
          col('名称', 'text'),
          col('期间内送达', 'int'),
          col('当前待上传', 'int'),
          col('当前已搁置', 'int'),
          col('平均送达用时(秒)', 'seconds'),
        ],
        rows: r.byInfno.map((d) => [
          d.infno,
          d.name,
          d.delivered,
          d.pending,
          d.parked,
          d.avgDeliveryMs,
        ]),
        totals: [
          '合计',
          '',
          r.byInfno.reduce((s, d) => s + d.delivered, 0),
          r.pending,
          r.parked,
          null,
        ],
      },
      {
        title: '按日',
        columns: [col('日期', 'text'), col('入队', 'int'), col('送达', 'int'), col('搁置', 'int')],
        rows: r.daily.map((d) => [d.date, d.queued, d.delivered, d.parked]),
        totals: [
          '合计',
          r.daily.reduce((s, d) => s + d.queued, 0),
          r.daily.reduce((s, d) => s + d.delivered, 0),
          r.daily.reduce((s, d) => s + d.parked, 0),
        ],
      },
    ],
    chart: {
      title: '各交易送达、待上传与搁置条数',
      unit: '条',
      series: [
        { name: '送达', color: GREEN },
        { name: '待上传', color: ORANGE },
        { name: '搁置', color: RED },
      ],
      categories: r.byInfno.map((d) => ({
        label: d.infno,
        values: [d.delivered, d.pending, d.parked],
      })),
    },
  };
}

function flowedPrices(r: FlowedPricesReport): ReportDocument {
  return {
    fileStem: stem(REPORT_TITLES[r.kind], r.period),
    title: REPORT_TITLES[r.kind],
    periodText: periodOf(r.period),
    summary: [['品种', `${r.rows.length} 种（按结算明细中的实收单价）`]],
    sections: [
      {
        columns: [
          col('医保目录编码', 'text'),
          col('通用名', 'text'),
          col('规格', 'text'),
          col('单位', 'text'),
          col('现行价格(元)', 'yuan'),
          col('售出包装数', 'decimal'),
          col('最低实收(元)', 'yuan'),
          col('最高实收(元)', 'yuan'),
          col('平均实收(元)', 'yuan'),
        ],
        rows: r.rows.map((d) => [
          d.medListCodg,
          d.genname,
          d.spec,
          d.packUnit,
          d.currentPriceFen,
          d.soldPacks,
          d.minSoldFen,
          d.maxSoldFen,
          d.avgSoldFen,
        ]),
      },
    ],
  };
}

export function toDocument(report: Report): ReportDocument {
  switch (report.kind) {
    case 'settlements-daily':
      return settlementsDaily(report);
    case 'dispensing-by-drug':
      return dispensingByDrug(report);
    case 'catalog-coverage':
      return catalogCoverage(report);
    case 'outbox-health':
      return outboxHealth(report);
    case 'flowed-prices':
      return flowedPrices(report);
  }
}
