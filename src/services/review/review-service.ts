import { dateTime } from '../../center/clock';
import { PHAR_CERT_TYPE_ID_CARD, RX_CHK_STATUS, type RxChkUpInfo } from '../../center/rx/fsi-7206';
import type { PrescriptionView } from '../../contract/types';
import type { ReviewResult, ReviewStart, ReviewView } from '../../contract/types-review';
import { AppError } from '../../domain/errors';
import { maskName } from '../../domain/mask';
import { assertNoScannedCode } from '../../domain/scan/code-shaped-text';
import type { LayoutConfirmation, ReviewRepository } from '../../store/review-repository';
import type { StaffIdentityRepository } from '../../store/staff-identity-repository';
import { SuspectLeadRepository } from '../../store/suspect-lead-repository';
import type { AreaDeps } from '../area-deps';
import type { AuthenticatedSession } from '../auth-service';
import { enqueueTransaction } from '../outbox-enqueue';
import { checkOwnVoucher } from './pharmacist-identity';
import { RESULT_LABELS, uploadStateOf } from './review-codes';
import {
  assertDualChannel,
  assertIdentityRegistered,
  assertLayoutConfirmed,
  assertMayReviewAgain,
  assertOnShift,
  assertOpinion,
  assertPassable,
  assertReviewer,
  assertSuspectOnReject,
  type DualChannelChecks,
  dualChannelLines,
  OPINION_MIN_LENGTH,
  type StandingReview,
} from './review-rules';
import { build7206Request } from './review-upload';
import { toReviewView } from './review-view';
import { conflictFinding } from './rx-conflict';
import type { ShiftService } from './shift-service';

export interface ReviewSubmission {
  hiRxno: string;
  result: ReviewResult;
  opinion: string;
  ecToken: string;
  dualChannel?: DualChannelChecks | undefined;
  /** Rejected as a suspicious prescription: the reason is kept as a lead for the bureau. */
  suspect?: { reason: string } | undefined;
  /** R-LAYOUT: the unread layout groups the pharmacist confirmed against the file. */
  layoutConfirmed?: string[] | undefined;
}

type Deps = AreaDeps & {
  reviews: ReviewRepository;
  identities: StaffIdentityRepository;
  shifts: ShiftService;
};

/**
 * Licensed-pharmacist review (R-PHARMACIST, R-OPINION, R-CHECKS, R-HISTORY): the review row,
 * its dual-channel registration and the 7206 upload are written in one transaction; the
 * outbox delivers 7206 and its delivered-hook records rx_chk_biz_sn.
 */
export function createReviewService(deps: Deps) {
  const leads = new SuspectLeadRepository(deps.db);
  function latest(hiRxno: string): ReviewView | null {
    const r = deps.reviews.live(hiRxno);
    return r ? toReviewView(r, deps.outbox.findByMsgid(r.uploadMsgid)) : null;
  }

  function standing(hiRxno: string): StandingReview | null {
    const r = deps.reviews.live(hiRxno);
    if (!r) return null;
    return {
      result: r.result,
      reviewerName: r.reviewerName,
      reviewedAt: dateTime(new Date(r.reviewedAt)),
      uploadState: uploadStateOf(deps.outbox.findByMsgid(r.uploadMsgid)?.status),
    };
  }

  /** The checks that do not need the center, in the order a refusal is reported. */
  function assertMaySubmit(session: AuthenticatedSession, hiRxno: string) {
    assertReviewer(session.staff);
    const identity = deps.identities.get(session.staff.id);
    assertIdentityRegistered(identity?.certno ?? null);
    const shift = deps.shifts.openShiftOf(session.staff.id);
    assertOnShift(shift !== null);
    assertMayReviewAgain(standing(hiRxno));
    return { certno: identity?.certno ?? '', certType: identity?.certType ?? '', shift };
  }

  async function start(session: AuthenticatedSession, hiRxno: string): Promise<ReviewStart> {
    const rxView = await deps.rx.get(hiRxno);
    const conflict = conflictFinding(deps.db, hiRxno);
    const view = conflict
      ? { ...rxView, findings: [conflict, ...rxView.findings], reviewable: false }
      : rxView;
    const refusal = (check: () => void) => {
      try {
        check();
        return null;
      } catch (err) {
        if (err instanceof AppError) return err.message;
        throw err;
      }
    };
    const rejectReason = refusal(() => assertMaySubmit(session, hiRxno));
    const passReason = rejectReason ?? refusal(() => assertPassable(view));
    return {
      hiRxno,
      patient: view.patient,
      fixmedinsName: view.fixmedinsName,
      prscTime: view.prscTime,
      validEndTime: view.validEndTime,
      status: view.status,
      reviewable: view.reviewable,
      findings: view.findings,
      layoutUnread: view.layout.unreadGroups,
      dualChannelLines: dualChannelLines(view).map((l, i) => ({
        lineNo: view.lines.indexOf(l) + 1 || i + 1,
        medListCodg: l.medListCodg,
        genname: l.genname,
        spec: l.spec,
        quantity: l.quantity,
        unit: l.unit,
        usage: l.usage,
      })),
      previous: latest(hiRxno),
      canSubmit: { pass: passReason === null, reject: rejectReason === null, reason: passReason },
      resultLabels: RESULT_LABELS,
      opinionMinLength: OPINION_MIN_LENGTH,
    };
  }

  async function submit(
    session: AuthenticatedSession,
    input: ReviewSubmission,
  ): Promise<ReviewView> {
    const { staff } = session;
    const { certno, certType, shift } = assertMaySubmit(session, input.hiRxno);
    assertOpinion(input.result, input.opinion);
    assertSuspectOnReject(input);
    assertNoScannedCode('审核意见', input.opinion, 'R-OPINION', deps.now());
    if (input.dualChannel) {
      assertNoScannedCode('双通道登记说明', input.dualChannel.note, 'R-HISTORY', deps.now());
    }
    const view = await deps.rx.get(input.hiRxno);
    if (input.result === 'pass') assertPassable(view);
    const dual = dualChannelLines(view);
    assertDualChannel(input.result, dual, input.dualChannel);
    const unread = view.layout.unreadGroups;
    assertLayoutConfirmed(input.result, unread, input.layoutConfirmed);
    const rx = deps.prescriptions.get(input.hiRxno);
    if (!rx || !shift) throw new AppError('NOT_FOUND', `本机没有处方 ${input.hiRxno}`);

    const signNo = await deps.auth.ensureSignedIn(session);
    const identityCheck = await checkOwnVoucher(deps.fsi, session, signNo, input.ecToken, certno);
    const at = deps.now();
    const info: RxChkUpInfo = {
      hi_rxno: rx.hiRxno,
      epc_token: rx.epcToken,
      ec_token: input.ecToken,
      fixmedins_code: deps.config.fsi.fixmedinsCode,
      fixmedins_name: deps.config.fsi.fixmedinsName,
      phar_cert_type: certType || PHAR_CERT_TYPE_ID_CARD,
      phar_certno: certno,
      phar_code: staff.pharmacistCode ?? '',
      phar_name: staff.displayName,
      rx_chk_opnn: input.opinion,
      rx_chk_time: dateTime(at),
      rx_chk_stas_codg: RX_CHK_STATUS[input.result].codg,
      rx_sign_verify_sn: view.signature.center.verifySn ?? '',
    };
    const request = build7206Request(deps.fsi, info, {
      username: staff.username,
      displayName: staff.displayName,
      signNo,
    });
    const registration =
      dual.length > 0 && input.dualChannel
        ? {
            ...input.dualChannel,
            medListCodgs: dual.map((l) => l.medListCodg),
            registeredAt: at.getTime(),
          }
        : null;

    const record = deps.db
      .transaction(() => {
        assertMayReviewAgain(standing(input.hiRxno));
        const saved = deps.reviews.insert({
          hiRxno: rx.hiRxno,
          result: input.result,
          stasCodg: info.rx_chk_stas_codg,
          opinion: input.opinion,
          reviewerId: staff.id,
          reviewerName: staff.displayName,
          pharmacistCode: info.phar_code,
          shiftId: shift.id,
          identityCheck,
          reviewedAt: at.getTime(),
          uploadMsgid: request.msgid,
          dualChannel: registration,
          layout: layoutRecord(unread, input.layoutConfirmed, at.getTime()),
        });
        if (input.suspect) {
          leads.insert({
            reviewId: saved.id,
            hiRxno: rx.hiRxno,
            reason: input.suspect.reason,
            reportedBy: staff.id,
            reportedAt: at.getTime(),
          });
        }
        enqueueTransaction(deps.outbox, request, { hiRxno: rx.hiRxno });
        return saved;
      })
      .immediate();
    deps.log.info('review.submit', {
      hiRxno: rx.hiRxno,
      result: input.result,
      suspect: input.suspect !== undefined,
      reviewer: maskName(staff.displayName),
      identityCheck,
      msgid: request.msgid,
    });
    return toReviewView(record, deps.outbox.findByMsgid(request.msgid));
  }

  function get(hiRxno: string): ReviewView {
    const found = latest(hiRxno);
    if (!found) throw new AppError('NOT_FOUND', `处方 ${hiRxno} 尚未审方`);
    return found;
  }

  return { start, submit, get, latest };
}

export type ReviewService = ReturnType<typeof createReviewService>;

/** What the review records of R-LAYOUT: the unread fields, and the confirmed groups among them. */
function layoutRecord(
  unread: PrescriptionView['layout']['unreadGroups'],
  confirmed: readonly string[] | undefined,
  at: number,
): LayoutConfirmation | null {
  if (unread.length === 0) return null;
  const groups = unread.map((g) => g.group).filter((g) => confirmed?.includes(g));
  return {
    unread: unread.flatMap((g) => g.labels),
    confirmedGroups: groups.length > 0 ? groups : null,
    confirmedAt: groups.length > 0 ? at : null,
  };
}
