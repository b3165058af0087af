import type { ReportExportResult } from '../../../contract/types-reports';
import type { ElectronicReceiptView } from '../../../contract/types-settlement';
import type { AuthenticatedSession } from '../../auth-service';
import { writeExportFile } from '../../reports/export/write-export';
import { localPeriod } from '../../reports/period';
import type { SettlementContext } from '../context';
import { electronicReceiptPdf, electronicReceiptView } from './electronic-receipt';

/** R-EINVOICE: the stored electronic receipts, listed by period and exported as issued. */
export function createElectronicReceipts(ctx: SettlementContext) {
  return {
    list(q: { from: string; to: string }): ElectronicReceiptView[] {
      const p = localPeriod(q.from, q.to);
      return ctx.eReceipts
        .between(p.startMs, p.endMs)
        .map((r) => electronicReceiptView(ctx, r.settlementId))
        .filter((v): v is ElectronicReceiptView => v !== null);
    },
    export(
      session: AuthenticatedSession,
      settlementId: number,
      kind: 'original' | 'reversal' = 'original',
    ): ReportExportResult {
      const pdf = electronicReceiptPdf(ctx, settlementId, kind);
      const view = electronicReceiptView(ctx, settlementId);
      const no = kind === 'reversal' ? view?.reversal?.receiptNo : view?.receiptNo;
      const file = {
        stem: `${kind === 'reversal' ? '红字电子票据' : '电子票据'}_${no ?? settlementId}`,
        ext: 'pdf',
        mime: 'application/pdf',
      };
      const result = writeExportFile(ctx.config.dataDir, file, pdf, ctx.now());
      ctx.log.info('receipt.electronicExported', {
        settlementId,
        kind,
        file: result.fileName,
        sm3: result.sm3,
        staffId: session.staff.id,
      });
      return result;
    },
  };
}
