import { dateOnly, dateTime } from '../../center/clock';
import type {
  PublicExportFormat,
  PublicListId,
  PublicPriceList,
  StockAvailability,
} from '../../contract/types-public';
import type { ReportExportResult } from '../../contract/types-reports';
import { flowedDrugs } from '../../domain/catalog/flowed-drug';
import { AppError } from '../../domain/errors';
import type { PolicyPack } from '../../domain/policy/policy-pack';
import { StockRepository } from '../../store/stock-repository';
import type { AreaDeps } from '../area-deps';
import type { AuthenticatedSession } from '../auth-service';
import { writeExportFile } from '../reports/export/write-export';
import { pricePosterPdf } from './price-poster-pdf';
import { priceListCsv, stockAvailabilityCsv } from './public-csv';

const MIME = {
  csv: 'text/csv; charset=utf-8',
  pdf: 'application/pdf',
  json: 'application/json',
} as const;

/**
 * What the pharmacy publishes: current prices of its flowed drugs, for posting and export
 * (R-PRICE-PUB), and their availability for the public service channels (ST-EPC-02-004).
 */
export function createPublicInfoArea(deps: AreaDeps, pack: () => PolicyPack) {
  const stock = new StockRepository(deps.db);
  const pharmacy = deps.config.pharmacy;
  const drugs = () => flowedDrugs(deps.catalog, pack().excludedClasses);

  function priceList(): PublicPriceList {
    return {
      pharmacyName: pharmacy.name,
      fixmedinsCode: pharmacy.code,
      date: dateOnly(deps.now()),
      rows: drugs().map((d) => ({
        medListCodg: d.medListCodg,
        genname: d.genname,
        prodname: d.prodname,
        spec: d.spec,
        dosform: d.dosform,
        packUnit: d.packUnit,
        prdrName: d.prdrName,
        priceFen: d.priceFen,
        dualChannel: d.dualChannel,
      })),
    };
  }

  function stockAvailability(): StockAvailability {
    const now = deps.now();
    const today = dateOnly(now);
    return {
      fixmedinsCode: pharmacy.code,
      pharmacyName: pharmacy.name,
      asOf: dateTime(now),
      rows: drugs().map((d) => ({
        medListCodg: d.medListCodg,
        genname: d.genname,
        spec: d.spec,
        packUnit: d.packUnit,
        availablePacks: stock.availablePacks(d.medListCodg, today),
      })),
    };
  }

  function render(report: PublicListId, format: PublicExportFormat): Buffer {
    if (report === 'public-prices') {
      if (format === 'pdf') return pricePosterPdf(priceList());
      if (format === 'csv') return priceListCsv(priceList());
      return Buffer.from(JSON.stringify(priceList()), 'utf8');
    }
    if (format === 'csv') return stockAvailabilityCsv(stockAvailability());
    if (format === 'json') return Buffer.from(JSON.stringify(stockAvailability()), 'utf8');
    throw new AppError('VALIDATION', '药品在售信息只导出 CSV 或 JSON，供医保公共服务渠道读取');
  }

  return {
    priceList,
    stockAvailability,
    export(
      session: AuthenticatedSession,
      q: { report: PublicListId; format: PublicExportFormat },
    ): ReportExportResult {
      const now = deps.now();
      const stem = q.report === 'public-prices' ? '处方流转药品价格公示' : '处方流转药品在售信息';
      const file = { stem: `${stem}_${dateOnly(now)}`, ext: q.format, mime: MIME[q.format] };
      const result = writeExportFile(deps.config.dataDir, file, render(q.report, q.format), now);
      deps.log.info('public.exported', {
        report: q.report,
        format: q.format,
        file: result.fileName,
        sm3: result.sm3,
        staffId: session.staff.id,
      });
      return result;
    },
  };
}

export type PublicInfoArea = ReturnType<typeof createPublicInfoArea>;
