import { dateTime } from '../../center/clock';
import type { MtClaimMaterialsView } from '../../contract/types-settlement';
import { AppError } from '../../domain/errors';
import { isMtClaim } from '../../domain/paper/mt-claim';
import {
  MT_CLAIM_MATERIALS_TITLE,
  mtClaimMaterialLines,
} from '../../domain/paper/mt-claim-materials';
import { paperRxno } from '../../domain/paper/paper-rxno';
import type { PaperFinding } from '../../domain/paper/paper-types';
import { wrapToWidth } from '../../domain/pdf/cjk-text-pdf';
import { formatBeijingDateTime } from '../../domain/policy/beijing-time';
import { selfPayDocNo } from '../../domain/sale-doc-no';
import { assertAsPrescribed } from '../../domain/settlement/as-prescribed';
import type { PaperRecord } from '../../store/paper-repository';
import type { SelfPayLine } from '../../store/self-pay-repository';
import type { AuthenticatedSession } from '../auth-service';
import type { PaperRules } from '../dispense/paper-rules';
import type { StoreRxClaims } from '../dispense/store-linked-claims';
import { renderSummaryPdf } from '../paper/summary-pdf';
import type { SettlementContext } from './context';
import type { PrescribedSale, SelfPayItem } from './self-pay-service';

type Sell = (
  session: AuthenticatedSession,
  items: SelfPayItem[],
  rx: PrescribedSale,
) => number | Promise<number>;

/** Printable width of the summary PDF's lines at its 9-point text (A4 less the margins). */
const LINE_WIDTH_PT = 515;

/**
 * R-MT-CLAIM: a 门特 paper prescription archived as a self-pay purchase is sold for cash, exactly
 * as prescribed (R-NOSWAP), by a licensed pharmacist on duty, after the capture checks pass again
 * (R-VALID: 3 days). Nothing is sent to the fund (no 2101/2102); the 3505 reports the packs
 * (R-STOCK). The paper record is handed over in the sale's transaction (R-PAPER-KEEP), and the
 * materials for 零星报销 are printed from the sale.
 */
export function createMtClaimService(
  ctx: SettlementContext,
  sell: Sell,
  paper: PaperRules,
  claimsAtStore: StoreRxClaims | null = null,
) {
  function claimRecord(paperId: number): PaperRecord {
    const r = paper.record(paperId);
    if (!isMtClaim(JSON.parse(r.warnings) as PaperFinding[])) {
      throw new AppError(
        'POLICY',
        `第${paperId}号纸质处方未按门特自费购药登记（须在登记时勾选门特处方并经患者同意全额自费），不能按零星报销自费购药`,
        { ruleId: 'R-MT-CLAIM' },
      );
    }
    return r;
  }

  async function sale(session: AuthenticatedSession, paperId: number, items: SelfPayItem[]) {
    const r = claimRecord(paperId);
    if (r.status === 'dispensed') paper.refuseDispensed(r);
    paper.assertPharmacistOnDuty(session);
    paper.assertDispensable(r, ctx.now());
    assertAsPrescribed(
      r.lines.map((l) => ({ ...l, name: l.genname })),
      items.map((i) => ({ medListCodg: i.medListCodg, packs: i.codes.length })),
    );
    const rxno = paperRxno(r.institutionCode, r.serialNo);
    // A counter of a store: one counter only per paper prescription, as for its dispensing (D50, D52).
    const fresh = (await claimsAtStore?.claim(rxno)) ?? false;
    let saleId: number;
    try {
      saleId = await sell(session, items, {
        rxno,
        paper: true,
        inTransaction: () => paper.markDispensed(r),
      });
    } catch (e) {
      if (fresh) await claimsAtStore?.release(rxno);
      throw e;
    }
    ctx.log.info('paper.mtClaimSold', { paperId, saleId, certno: r.patientCertno });
    return saleId;
  }

  /** The 零星报销 materials of a sale made from this prescription (reprintable). */
  function materials(paperId: number, saleId: number): MtClaimMaterialsView {
    const r = claimRecord(paperId);
    const s = ctx.selfPay.get(saleId);
    const lines = ctx.selfPay.lines(saleId);
    if (!s || r.status !== 'dispensed' || !sameLines(r, lines)) {
      throw new AppError(
        'NOT_FOUND',
        `销售单 ${selfPayDocNo(saleId)} 不是第${paperId}号纸质处方的门特自费购药`,
      );
    }
    const text = mtClaimMaterialLines({
      pharmacy: ctx.config.pharmacy,
      sale: {
        docNo: selfPayDocNo(saleId),
        soldAt: dateTime(new Date(s.soldAt)),
        staffName: s.staffName,
      },
      prescription: {
        ...r,
        capturedAt: formatBeijingDateTime(new Date(r.createdAt)),
      },
      lines: lines.map((l) => {
        const rx = r.lines.find((x) => x.medListCodg === l.medListCodg);
        return { ...l, spec: rx?.spec ?? '', unit: rx?.unit ?? '盒' };
      }),
    });
    const pdf = renderSummaryPdf(
      MT_CLAIM_MATERIALS_TITLE,
      text.flatMap((line) => wrapToWidth(line, 9, LINE_WIDTH_PT)),
    );
    return {
      paperId,
      saleId,
      fileName: `门特零星报销材料-${selfPayDocNo(saleId)}.pdf`,
      lines: text,
      pdfBase64: pdf.toString('base64'),
    };
  }

  return { sale, materials };
}

function sameLines(r: PaperRecord, lines: readonly SelfPayLine[]): boolean {
  return (
    lines.length === r.lines.length &&
    r.lines.every((l) =>
      lines.some((x) => x.medListCodg === l.medListCodg && x.packs === l.quantity),
    )
  );
}

export type MtClaimService = ReturnType<typeof createMtClaimService>;
