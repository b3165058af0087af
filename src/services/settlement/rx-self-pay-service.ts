import { dateTime } from '../../center/clock';
import type { Out7204 } from '../../center/rx/fsi-72xx';
import { AppError } from '../../domain/errors';
import { selfPayDocNo } from '../../domain/sale-doc-no';
import { assertAsPrescribed } from '../../domain/settlement/as-prescribed';
import {
  assertConsentRecorded,
  assertSelfPayOffered,
  assertWordsShown,
  rxSelfPayConsentWords,
  type SelfPayConfirmer,
} from '../../domain/settlement/rx-self-pay';
import { InsuranceStandingRepository } from '../../store/insurance-standing-repository';
import type { AuthenticatedSession } from '../auth-service';
import { planLines } from '../dispense/line-plan';
import type { StoreRxClaims } from '../dispense/store-linked-claims';
import type { SettlementContext } from './context';
import type { PackGroup } from './pack-groups';
import { pharmacistOf } from './pharmacist';
import { selSnOf } from './refund-service';
import { afterReviewUpload } from './review-upload-wait';
import type { PrescribedSale, SelfPayItem } from './self-pay-service';
import { deliveredReview } from './settle-gate';
import { input3506, input7207SelfPay, input7208 } from './upload-bodies';
import { enqueueUpload } from './upload-queue';

type Sell = (
  session: AuthenticatedSession,
  items: SelfPayItem[],
  rx: PrescribedSale,
  storeSaleRef: string,
) => number | Promise<number>;

/** A counter of a store (D52): the prescription's claim and the packs' return at the store. */
export interface RxSelfPayAtStore {
  claims: StoreRxClaims;
  /** Inside the refund's transaction: the packs are owed back to the store (its queue, D42). */
  queueReturn(saleRef: string, codes: string[], at: number): void;
}

/** The store's name of a 自费结算 sale: one per consent, so its refund finds it again (D52). */
export const rxSelfPaySaleRef = (consentId: number) => `rxselfpay-${consentId}`;

export interface RxSelfPayConsentInput {
  hiRxno: string;
  confirmedBy: string;
  confirmerRelation: SelfPayConfirmer;
  /** The words the dialog showed the patient (checked against the standing as it is now). */
  words: string;
}

/**
 * 自费结算 of an e-prescription (issue 19 item 8, D45): a person whose basic insurance is not in
 * force is not dispensed on insurance (R-SETTLE, D38); with the patient's recorded consent the
 * prescription is sold as a self-pay sale: exactly as prescribed (R-NOSWAP), after the passed
 * review reached the center (R-OPINION), never with a 2101/2102. The sale's 7207 (payMode 1
 * 自费, R-SALES-UP: the center records the prescription as 已取药) and 3505 (R-STOCK, R-TRACE)
 * are queued in the sale's transaction.
 */
export function createRxSelfPayService(
  ctx: SettlementContext,
  sell: Sell,
  atStore: RxSelfPayAtStore | null = null,
) {
  const standings = new InsuranceStandingRepository(ctx.db);
  const repo = ctx.rxSelfPay;

  function prescription(hiRxno: string) {
    const p = ctx.prescriptions.get(hiRxno);
    if (!p) throw new AppError('NOT_FOUND', `本机没有处方 ${hiRxno}，请先扫码下载`);
    return p;
  }

  function standingOf(certno: string) {
    return assertSelfPayOffered(standings.get(certno.toUpperCase()));
  }

  /** The words the consent dialog shows, refused for a person insured in force. */
  function offer(hiRxno: string): { hiRxno: string; statusText: string; words: string } {
    const s = standingOf(prescription(hiRxno).certno);
    return { hiRxno, statusText: s.statusText, words: rxSelfPayConsentWords(s.statusText) };
  }

  function recordConsent(session: AuthenticatedSession, input: RxSelfPayConsentInput): number {
    const p = prescription(input.hiRxno);
    const words = assertWordsShown(input.words, standingOf(p.certno).statusText);
    refuseStanding(input.hiRxno);
    const id = repo.addConsent({
      hiRxno: p.hiRxno,
      certno: p.certno,
      confirmedBy: input.confirmedBy.trim(),
      confirmerRelation: input.confirmerRelation,
      words,
      recordedBy: session.staff.id,
      recordedAt: ctx.now().getTime(),
    });
    ctx.log.info('rxSelfPay.consent', { hiRxno: p.hiRxno, consentId: id, certno: p.certno });
    return id;
  }

  function refuseStanding(hiRxno: string): void {
    const sold = repo.standing(hiRxno);
    if (sold) {
      throw new AppError(
        'CONFLICT',
        `处方 ${hiRxno} 已自费结算（销售单 ${sold.saleId}），不得重复调剂`,
        {
          ruleId: 'R-STATUS',
        },
      );
    }
    const live = ctx.dispensings.live(hiRxno);
    if (live) {
      throw new AppError('CONFLICT', `处方 ${hiRxno} 已有调剂单 ${live.id}，不能再自费结算`, {
        ruleId: 'R-STATUS',
      });
    }
  }

  /** The passed review whose 7206 reached the center (its rx_chk_biz_sn names the 7207). */
  function reviewed(hiRxno: string) {
    const p = prescription(hiRxno);
    return { p, review: deliveredReview(ctx, p, '销售') };
  }

  async function sale(
    session: AuthenticatedSession,
    hiRxno: string,
    items: SelfPayItem[],
  ): Promise<number> {
    const first = prescription(hiRxno);
    standingOf(first.certno);
    refuseStanding(hiRxno);
    const consent = assertConsentRecorded(repo.unusedConsent(hiRxno));
    const { p, review } = await afterReviewUpload(ctx, () => reviewed(hiRxno));
    const lines = planLines(p.reply as Out7204, ctx.catalog);
    if (lines.some((l) => l.splitPack)) {
      throw new AppError(
        'POLICY',
        '本处方含拆零药品，自费结算只能整盒销售，请按医保流程处理或请医生调整处方',
        {
          ruleId: 'R-NOSWAP',
        },
      );
    }
    assertAsPrescribed(
      lines.map((l) => ({
        medListCodg: l.medListCodg,
        name: l.genname,
        quantity: l.packsPrescribed,
        unit: l.qtyUnit,
      })),
      items.map((i) => ({ medListCodg: i.medListCodg, packs: i.codes.length })),
    );
    const pharmacist = pharmacistOf(ctx.db, review.reviewerId);
    // Like dispense.start: one counter only, claimed at the store before anything is sold.
    const fresh = (await atStore?.claims.claim(hiRxno)) ?? false;
    try {
      return await sold(session, { hiRxno, items, consentId: consent.id, review, pharmacist });
    } catch (e) {
      if (fresh) await atStore?.claims.release(hiRxno);
      throw e;
    }
  }

  async function sold(
    session: AuthenticatedSession,
    s: {
      hiRxno: string;
      items: SelfPayItem[];
      consentId: number;
      review: { rxChkBizSn: string };
      pharmacist: ReturnType<typeof pharmacistOf>;
    },
  ): Promise<number> {
    const { hiRxno, items, review, pharmacist } = s;
    const consent = { id: s.consentId };
    const saleId = await sell(
      session,
      items,
      {
        rxno: hiRxno,
        paper: false,
        inTransaction: (id, groups, at) => {
          refuseStanding(hiRxno);
          repo.link(id, hiRxno, consent.id);
          queue7207(
            session,
            { hiRxno, rxChkBizSn: review.rxChkBizSn, saleId: id },
            pharmacist,
            groups,
            at,
          );
        },
      },
      rxSelfPaySaleRef(consent.id),
    );
    ctx.log.info('rxSelfPay.sold', { hiRxno, saleId });
    return saleId;
  }

  function queue7207(
    session: AuthenticatedSession,
    s: { hiRxno: string; rxChkBizSn: string; saleId: number },
    pharmacist: ReturnType<typeof pharmacistOf>,
    groups: readonly PackGroup[],
    at: Date,
  ): void {
    const totalFen = groups.reduce((sum, g) => sum + Math.round((g.count * g.priceUnits) / 100), 0);
    const body = input7207SelfPay(
      { hiRxno: s.hiRxno, rxChkBizSn: s.rxChkBizSn, totalFen },
      pharmacist,
      groups,
      dateTime(at),
    );
    enqueueUpload(
      ctx,
      { saleId: s.saleId },
      {
        infno: '7207',
        input: body,
        opter: session.staff.username,
        opterName: session.staff.displayName,
        signNo: session.signNo,
      },
      { hiRxno: s.hiRxno },
      at.getTime(),
    );
  }

  /**
   * 退费 of a self-pay sale of an e-prescription (R-REVERSE): once its 7207/3505 reached the
   * center, in one transaction the refund is recorded, packs and codes go back, and 7208 (the
   * center puts the prescription back to 已审核) and 3506 are queued. Cash goes back; no 2103.
   */
  async function refund(
    session: AuthenticatedSession,
    saleId: number,
    reason: string,
  ): Promise<void> {
    const rx = repo.ofSale(saleId);
    if (!rx)
      throw new AppError('NOT_FOUND', `销售单 ${selfPayDocNo(saleId)} 不是电子处方的自费结算`);
    if (rx.refundedAt !== null) {
      throw new AppError('CONFLICT', `销售单 ${selfPayDocNo(saleId)} 已退费`, {
        ruleId: 'R-REVERSE',
      });
    }
    const uploads = ctx.uploads
      .forSale(saleId)
      .map((u) => ({ u, item: ctx.outbox.findByMsgid(u.msgid) }));
    if (uploads.some((x) => x.item?.status === 'pending' || x.item?.status === 'in_flight')) {
      throw new AppError(
        'CONFLICT',
        '该笔销售的出库明细（7207/3505）尚未送达医保中心，送达后才能退费；请在上传队列中“立即发送”后重试',
        { ruleId: 'R-SALES-UP' },
      );
    }
    const delivered = uploads.filter((x) => x.item?.status === 'delivered').map((x) => x.u);
    const now = ctx.now();
    const at = now.getTime();
    const when = dateTime(now);
    const op = {
      opter: session.staff.username,
      opterName: session.staff.displayName,
      signNo: session.signNo,
    };
    ctx.db
      .transaction(() => {
        if (!repo.refunded(saleId, session.staff.id, reason.trim(), at)) {
          throw new AppError('CONFLICT', `销售单 ${selfPayDocNo(saleId)} 已退费`, {
            ruleId: 'R-REVERSE',
          });
        }
        const groups = selfPayGroups(ctx, saleId);
        ctx.returns.returnSelfPaySale(saleId, at);
        atStore?.queueReturn(
          rxSelfPaySaleRef(rx.consentId),
          groups.flatMap((g) => g.codes),
          at,
        );
        for (const u of delivered) {
          if (u.infno === '7207') {
            const input = input7208(rx.hiRxno, selSnOf(ctx, u.msgid), reason.trim(), when);
            enqueueUpload(
              ctx,
              { saleId },
              { infno: '7208', input, ...op },
              { hiRxno: rx.hiRxno },
              at,
            );
          } else if (u.infno === '3505') {
            const input = input3506(selfPayDocNo(saleId), groups, when);
            enqueueUpload(
              ctx,
              { saleId },
              { infno: '3506', input, ...op },
              { hiRxno: rx.hiRxno },
              at,
            );
          }
        }
      })
      .immediate();
    ctx.log.info('rxSelfPay.refunded', { hiRxno: rx.hiRxno, saleId });
    // The center restores the prescription (7208); the store releases the claim the sale settled
    // when the queued return of its packs arrives (D57), so the refund never waits for the store.
  }

  return { offer, recordConsent, sale, refund };
}

/** The sale's packs per line and batch, with their codes in the order the sale took them. */
function selfPayGroups(ctx: SettlementContext, saleId: number): PackGroup[] {
  return ctx.selfPay.lines(saleId).flatMap((l) => {
    const drug = ctx.catalog.get(l.medListCodg);
    let next = 0;
    return l.batches.map((b) => {
      const codes = l.codes.slice(next, next + b.packs);
      next += b.packs;
      return {
        medListCodg: l.medListCodg,
        name: l.name,
        drug,
        trdnFlag: '0' as const,
        count: b.packs,
        unit: drug?.packUnit ?? '盒',
        priceUnits: l.priceFen * 100,
        batchNo: b.batchNo,
        expiry: b.expiry,
        codes,
      };
    });
  });
}

export type RxSelfPayService = ReturnType<typeof createRxSelfPayService>;
