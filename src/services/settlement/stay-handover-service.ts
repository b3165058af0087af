import { dateTime } from '../../center/clock';
import type { Out7204 } from '../../center/rx/fsi-72xx';
import type {
  StayHandoverInput,
  StayHandoverView,
  StayMaterialsView,
  StayWithdrawnView,
} from '../../contract/types-settlement';
import { AppError } from '../../domain/errors';
import { STAY_HANDOVER_STATE_LABELS } from '../../domain/lifecycle/state-labels';
import { wrapToWidth } from '../../domain/pdf/cjk-text-pdf';
import { stayDocNo } from '../../domain/sale-doc-no';
import { settlesWithStay } from '../../domain/settlement/inpatient-dual';
import { STAY_REFUSALS, stayStateRefusal } from '../../domain/settlement/stay-handover';
import { STAY_MATERIALS_TITLE, stayMaterialLines } from '../../domain/settlement/stay-materials';
import type { Dispensing } from '../../store/dispensing-repository';
import type { StoredPrescription } from '../../store/prescription-repository';
import { markDispensingUpload } from '../../store/sale-upload-repository';
import { type StayHandover, StayHandoverRepository } from '../../store/stay-handover-repository';
import type { AuthenticatedSession } from '../auth-service';
import type { StoreRxClaims } from '../dispense/store-linked-claims';
import { renderSummaryPdf } from '../paper/summary-pdf';
import type { SettlementContext } from './context';
import { type PackGroup, packGroups } from './pack-groups';
import { factsOfReply } from './rx-facts';
import { input3505, input3506 } from './upload-bodies';
import { enqueueUpload } from './upload-queue';

/** Printable width of the summary PDF's lines at its 9-point text (A4 less the margins). */
const LINE_WIDTH_PT = 515;

const refuse = (message: string) => new AppError('POLICY', message, { ruleId: 'R-MT-SETTLE' });

/**
 * R-MT-SETTLE (003 §三(一), D47): an inpatient's dual-channel prescription, dispensed here, is
 * handed to the hospital's inpatient settlement instead of being settled at the pharmacy. The
 * record and its 3505 (R-SALES-UP, R-TRACE: the codes reach the center whatever the payment)
 * commit together; the materials list what the hospital settles; a withdrawal before the
 * hospital settles is 撤销调剂 (packs and codes back, 3506 once the 3505 was delivered).
 */
export function createStayHandoverService(
  ctx: SettlementContext,
  claimsAtStore: Pick<StoreRxClaims, 'release'> | null = null,
) {
  const stays = new StayHandoverRepository(ctx.db);
  const staffName = ctx.db.prepare('SELECT display_name FROM staff WHERE id = ?').pluck();

  function inpatientDual(d: Dispensing): StoredPrescription {
    if (d.paperId !== null) throw refuse(STAY_REFUSALS.paper);
    const p = ctx.prescriptions.get(d.hiRxno ?? '');
    if (!p) throw new AppError('NOT_FOUND', `本机没有处方 ${d.hiRxno}`);
    const dualChannel = ctx.dispensings
      .lines(d.id)
      .some((l) => ctx.catalog.get(l.medListCodg)?.dualChannel === true);
    if (!settlesWithStay(factsOfReply(p.reply as Out7204), dualChannel)) {
      throw refuse(STAY_REFUSALS.notInpatientDual);
    }
    return p;
  }

  function dispensing(id: number): Dispensing {
    const d = ctx.dispensings.get(id);
    if (!d) throw new AppError('NOT_FOUND', `没有调剂单 ${id}`);
    return d;
  }

  const groupsOf = (id: number): PackGroup[] =>
    packGroups(
      ctx.db,
      ctx.dispensings.lines(id),
      ctx.dispensings.codes(id),
      ctx.dispensings.allocations(id),
      ctx.catalog,
    );

  function record(session: AuthenticatedSession, input: StayHandoverInput): StayHandoverView {
    if (input.formSeen !== true) throw refuse(STAY_REFUSALS.formNotSeen);
    const ref = { hospital: input.hospital.trim(), stayNo: input.stayNo.trim() };
    const at = ctx.now().getTime();
    const id = ctx.db
      .transaction(() => {
        const d = dispensing(input.dispensingId);
        const p = inpatientDual(d);
        const wrongState = stayStateRefusal(d.state);
        if (wrongState) throw refuse(wrongState);
        if (stays.live(d.id)) throw new AppError('CONFLICT', STAY_REFUSALS.already);
        if (ctx.settlements.liveForDispensing(d.id)) {
          throw new AppError('CONFLICT', '该调剂单已有结算，不能登记随住院结算', {
            ruleId: 'R-STATUS',
          });
        }
        const stayId = stays.record(d.id, ref, session.staff.id, at);
        const visit = (p.reply as Out7204).mdtrtinfo;
        const person =
          visit.psn_no && visit.insuplc_admdvs
            ? { psnNo: visit.psn_no, insuplcAdmdvs: visit.insuplc_admdvs }
            : { psnNo: null };
        const msgid = enqueueUpload(
          ctx,
          { stayHandoverId: stayId },
          {
            infno: '3505',
            input: input3505(
              {
                docNo: stayDocNo(stayId),
                setlId: null,
                psnNo: person.psnNo,
                hiRxno: p.hiRxno,
                stay: ref,
              },
              groupsOf(d.id),
              dateTime(new Date(at)),
            ),
            opter: session.staff.username,
            opterName: session.staff.displayName,
            signNo: session.signNo,
            ...('insuplcAdmdvs' in person ? { insuplcAdmdvs: person.insuplcAdmdvs } : {}),
          },
          { hiRxno: p.hiRxno },
          at,
        );
        markDispensingUpload(ctx.db, d.id, '3505', { state: 'queued', msgid }, at);
        return stayId;
      })
      .immediate();
    ctx.log.info('settlement.stayHandover', {
      dispensingId: input.dispensingId,
      stayHandoverId: id,
    });
    return view(input.dispensingId);
  }

  function view(dispensingId: number): StayHandoverView {
    const h = stays.latest(dispensingId);
    if (!h) throw new AppError('NOT_FOUND', `调剂单 ${dispensingId} 没有登记随住院结算`);
    return viewOf(h);
  }

  function viewOf(h: StayHandover): StayHandoverView {
    const upload = ctx.uploads.forStayHandover(h.id).find((u) => u.infno === '3505');
    const item = upload ? ctx.outbox.findByMsgid(upload.msgid) : undefined;
    return {
      stayHandoverId: h.id,
      dispensingId: h.dispensingId,
      docNo: stayDocNo(h.id),
      state: h.state,
      stateLabel: STAY_HANDOVER_STATE_LABELS[h.state],
      hospital: h.hospital,
      stayNo: h.stayNo,
      recordedAt: dateTime(new Date(h.recordedAt)),
      recordedBy: (staffName.get(h.recordedBy) as string | undefined) ?? '',
      upload3505: item?.status ?? null,
      withdrawReason: h.withdrawReason,
    };
  }

  function materials(dispensingId: number): StayMaterialsView {
    const d = dispensing(dispensingId);
    const h = stays.live(dispensingId);
    if (!h) throw new AppError('NOT_FOUND', STAY_REFUSALS.notHandedOver);
    const p = inpatientDual(d);
    const visit = (p.reply as Out7204).mdtrtinfo;
    const text = stayMaterialLines({
      pharmacy: ctx.config.pharmacy,
      handover: {
        docNo: stayDocNo(h.id),
        recordedAt: dateTime(new Date(h.recordedAt)),
        staffName: (staffName.get(h.recordedBy) as string | undefined) ?? '',
        hospital: h.hospital,
        stayNo: h.stayNo,
      },
      prescription: {
        hiRxno: p.hiRxno,
        institutionName: p.fixmedinsName,
        prescribedAt: p.prscTime,
        physicianName: visit.prsc_dr_name,
        patientName: p.patientName,
        patientCertno: p.certno,
      },
      lines: groupsOf(d.id).map((g) => ({
        name: g.name,
        spec: g.drug?.spec ?? '',
        unit: g.unit,
        packs: g.count,
        priceFen: Math.round(g.priceUnits / 100),
        codes: g.codes,
      })),
    });
    const pdf = renderSummaryPdf(
      STAY_MATERIALS_TITLE,
      text.flatMap((line) => wrapToWidth(line, 9, LINE_WIDTH_PT)),
    );
    return {
      dispensingId,
      fileName: `随住院结算材料-${stayDocNo(h.id)}.pdf`,
      lines: text,
      pdfBase64: pdf.toString('base64'),
    };
  }

  /**
   * 撤销 before the hospital settles: the record is withdrawn and the dispensing cancelled. In
   * store mode its packs go back through the counter's store queue (the return listener of
   * cancelHeld, D42) and the prescription's claim is released, as for 撤销调剂 (D52).
   */
  async function withdraw(
    session: AuthenticatedSession,
    dispensingId: number,
    reason: string,
  ): Promise<StayWithdrawnView> {
    const at = ctx.now().getTime();
    const back = ctx.db
      .transaction(() => {
        const h = stays.live(dispensingId);
        if (!h) throw new AppError('CONFLICT', STAY_REFUSALS.notHandedOver, { ruleId: 'R-STATUS' });
        const sent = ctx.uploads
          .forStayHandover(h.id)
          .map((u) => ({ u, item: ctx.outbox.findByMsgid(u.msgid) }));
        if (sent.some((x) => x.item?.status === 'pending' || x.item?.status === 'in_flight')) {
          throw new AppError(
            'CONFLICT',
            '该调剂的商品销售（3505）尚未送达医保中心，送达后才能撤销；请在上传队列中“立即发送”后重试',
            { ruleId: 'R-SALES-UP' },
          );
        }
        const groups = groupsOf(dispensingId);
        stays.withdraw(h.id, { staffId: session.staff.id, reason }, at);
        const returned = ctx.returns.cancelHeld(
          dispensingId,
          { staffId: session.staff.id, reason },
          at,
        );
        const p = ctx.prescriptions.get(ctx.dispensings.get(dispensingId)?.hiRxno ?? '');
        if (sent.some((x) => x.u.infno === '3505' && x.item?.status === 'delivered')) {
          enqueueUpload(
            ctx,
            { stayHandoverId: h.id },
            {
              infno: '3506',
              input: input3506(stayDocNo(h.id), groups, dateTime(new Date(at))),
              opter: session.staff.username,
              opterName: session.staff.displayName,
              signNo: session.signNo,
            },
            { hiRxno: p?.hiRxno ?? null },
            at,
          );
        }
        return { ...returned, hiRxno: p?.hiRxno ?? null };
      })
      .immediate();
    await claimsAtStore?.release(back.hiRxno);
    ctx.log.info(
      `撤销随住院结算（调剂单 ${dispensingId}，退回 ${back.packs} 盒、${back.codes} 个追溯码，药师 ${session.staff.username}）`,
    );
    return {
      dispensingId,
      state: 'cancelled',
      packs: back.packs,
      codes: back.codes,
      stay: view(dispensingId),
    };
  }

  return { record, view, materials, withdraw };
}

export type StayHandoverService = ReturnType<typeof createStayHandoverService>;
