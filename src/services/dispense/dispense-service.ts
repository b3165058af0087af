import { dateOnly, dateTime } from '../../center/clock';
import type { Out7204 } from '../../center/rx/fsi-72xx';
import type { DispensingView, ScanVerdict } from '../../contract/types-dispense';
import type { StockTaken } from '../../contract/types-store-stock';
import type { CatalogDrug } from '../../domain/catalog/catalog-drug';
import { allocateFefo } from '../../domain/dispense/fefo';
import { centerRefusalMessage, decideScan, remaining } from '../../domain/dispense/scan-decision';
import { AppError } from '../../domain/errors';
import type { PolicyPack } from '../../domain/policy/policy-pack';
import { ruleCitationForUsers } from '../../domain/rules';
import { settlesWithStay } from '../../domain/settlement/inpatient-dual';
import { assertDispensableOnInsurance } from '../../domain/settlement/insurance-standing';
import { packKey, parseScannedCode } from '../../domain/trace/parse-scanned-code';
import { CenterRefusedCodeRepository } from '../../store/center-refused-code-repository';
import type { Db } from '../../store/database';
import { DispensingRepository } from '../../store/dispensing-repository';
import { InsuranceStandingRepository } from '../../store/insurance-standing-repository';
import type { PrescriptionRepository } from '../../store/prescription-repository';
import { ScanRefusalRepository } from '../../store/scan-refusal-repository';
import { SoldCodeRepository } from '../../store/sold-code-repository';
import { StayHandoverRepository } from '../../store/stay-handover-repository';
import { StockMovementRepository } from '../../store/stock-movement-repository';
import { StockRepository } from '../../store/stock-repository';
import type { AuthenticatedSession } from '../auth-service';
import type { Logger } from '../logger';
import type { RxValidityGate } from '../rx-validity-gate';
import { lostPackOf } from '../stock/lost-pack';
import { storeTakenStock } from '../stock/store-taken';
import { buildDispensingView, earlierSaleOf, packsFromStock } from './dispensing-view';
import { planLines } from './line-plan';
import type { PaperRules } from './paper-rules';
import { createProductIndex } from './product-index';
import type { ReviewGate } from './review-gate';

interface Deps {
  db: Db;
  catalog: ReadonlyMap<string, CatalogDrug>;
  prescriptions: PrescriptionRepository;
  gate: () => ReviewGate;
  paper: PaperRules;
  /** The pharmacy's region pack: a refusal names only the documents that govern its region. */
  pack: () => PolicyPack;
  rxValidity: RxValidityGate;
  log: Logger;
  now: () => Date;
}

/**
 * Dispensing exactly as prescribed (R-NOSWAP) with a traceability code per pack (R-TRACE,
 * R-TRACE-ONCE). Scans are recorded on the open dispensing; completing registers the codes as
 * sold and takes stock FEFO in one transaction.
 */
export function createDispenseService(deps: Deps) {
  const repo = new DispensingRepository(deps.db);
  const sold = new SoldCodeRepository(deps.db);
  const centerRefused = new CenterRefusedCodeRepository(deps.db);
  const movements = new StockMovementRepository(deps.db);
  const stock = new StockRepository(deps.db);
  const refusals = new ScanRefusalRepository(deps.db);
  const standings = new InsuranceStandingRepository(deps.db);
  const products = createProductIndex(deps.catalog);
  const staffName = deps.db.prepare('SELECT display_name FROM staff WHERE id = ?').pluck();
  const stays = new StayHandoverRepository(deps.db);

  function view(id: number): DispensingView {
    const d = repo.get(id);
    if (!d) throw new AppError('NOT_FOUND', `没有调剂单 ${id}`);
    const today = dateOnly(deps.now());
    return buildDispensingView({
      d,
      paper: d.paperId === null ? null : deps.paper.source(d.paperId),
      staffName: (staffName.get(d.staffId) as string | undefined) ?? '',
      lines: repo.lines(id),
      codes: repo.codes(id),
      allocations: repo.allocations(id),
      catalog: deps.catalog,
      stock: (m) => stock.availablePacks(m, today),
      withStay: stays.live(id) !== undefined,
      settlesWithStay: settlesWithStayRx(d.hiRxno, repo.lines(id)),
    });
  }

  /** R-MT-SETTLE: an inpatient stay's dual-channel prescription is settled by the hospital. */
  function settlesWithStayRx(hiRxno: string | null, lines: readonly { medListCodg: string }[]) {
    if (hiRxno === null) return false;
    const reply = deps.prescriptions.get(hiRxno)?.reply as
      | { mdtrtinfo?: { med_type?: unknown } }
      | undefined;
    const medType = reply?.mdtrtinfo?.med_type;
    const dual = lines.some((l) => deps.catalog.get(l.medListCodg)?.dualChannel === true);
    return settlesWithStay({ medType: typeof medType === 'string' ? medType : '' }, dual);
  }

  function openOne(id: number) {
    const d = repo.get(id);
    if (!d) throw new AppError('NOT_FOUND', `没有调剂单 ${id}`);
    if (d.state !== 'open') {
      const label =
        d.state === 'completed' ? '已完成' : d.state === 'cancelled' ? '已取消' : '已退货';
      throw new AppError('CONFLICT', `调剂单 ${id} ${label}，不能再修改`);
    }
    return d;
  }

  function start(session: AuthenticatedSession, hiRxno: string): DispensingView {
    const p = deps.prescriptions.get(hiRxno);
    if (!p) throw new AppError('NOT_FOUND', `本机没有处方 ${hiRxno}，请先扫码下载`);
    const live = repo.live(hiRxno);
    if (live?.state === 'completed') {
      const held = repo.held().some((h) => h.id === live.id);
      throw new AppError(
        'CONFLICT',
        `处方 ${hiRxno} 已于 ${dateTime(new Date(live.completedAt ?? 0))} 调剂完成，不得重复调剂${
          held ? '；该调剂尚未结算，请在柜台“待结算”（Shift+F8）中打开，结算或撤销调剂' : ''
        }`,
        { ruleId: 'R-STATUS' },
      );
    }
    deps.rxValidity.assertValid(p, '开始调剂');
    if (live) return view(live.id);
    const review = deps.gate().isReviewPassed(hiRxno);
    if (!review.passed) throw new AppError('POLICY', review.reason, { ruleId: 'R-OPINION' });
    assertDispensableOnInsurance(standings.get(p.certno.toUpperCase()));
    const lines = planLines(p.reply as Out7204, deps.catalog);
    const id = deps.db
      .transaction(() =>
        repo.create(
          {
            hiRxno,
            paperId: null,
            reviewedBy: null,
            certno: p.certno,
            patientName: p.patientName,
            staffId: session.staff.id,
            startedAt: deps.now().getTime(),
          },
          lines,
        ),
      )
      .immediate();
    deps.log.info(`开始调剂 ${hiRxno}（调剂单 ${id}）`);
    return view(id);
  }

  /**
   * A paper prescription from the archive (R-PAPER-*): the same scan/complete path; the
   * pharmacist on duty who starts it is recorded as its reviewer (R-PHARMACIST).
   */
  function startPaper(session: AuthenticatedSession, paperId: number): DispensingView {
    const r = deps.paper.record(paperId);
    deps.paper.assertFundRoute(r);
    const live = repo.livePaper(paperId);
    if (live?.state === 'completed') deps.paper.refuseDispensed(r);
    deps.paper.assertDispensable(r, deps.now());
    if (live) return view(live.id);
    deps.paper.assertPharmacistOnDuty(session);
    const id = deps.db
      .transaction(() =>
        repo.create(
          {
            hiRxno: null,
            paperId,
            reviewedBy: session.staff.id,
            certno: r.patientCertno,
            patientName: r.patientName,
            staffId: session.staff.id,
            startedAt: deps.now().getTime(),
          },
          deps.paper.planLines(r),
        ),
      )
      .immediate();
    deps.log.info(
      `开始调剂纸质处方第${paperId}号（调剂单 ${id}，审核药师 ${session.staff.username}）`,
    );
    return view(id);
  }

  /** The local verdict of a scan on an open dispensing: pure rules over the local copy. */
  function decide(id: number, raw: string) {
    const d = openOne(id);
    const at = deps.now();
    const parsed = parseScannedCode(raw, at);
    const key = packKey(parsed);
    const lines = repo.lines(d.id);
    const decision = decideScan({
      parsed,
      raw,
      drug: products.drugOf(parsed),
      lines,
      codes: repo.codes(d.id),
      sold: key ? sold.find(key) : undefined,
      centerRefused: key ? centerRefused.find(key) : undefined,
      lost: key ? lostPackOf(movements, key) : undefined,
      today: dateOnly(at),
      at: at.getTime(),
    });
    return { d, at, key, lines, decision };
  }

  type Refusal = Extract<ReturnType<typeof decideScan>, { refuse: unknown }>['refuse'];

  /** Records a refused scan (R-TRACE-ONCE: refusals are kept for risk review) and answers it. */
  function refused(
    session: AuthenticatedSession,
    id: number,
    raw: string,
    key: string | null,
    at: Date,
    r: Refusal,
  ): ScanVerdict {
    refusals.record({
      at: at.getTime(),
      channel: 'dispense',
      dispensingId: id,
      code: raw,
      packKey: key,
      medListCodg: r.drug?.medListCodg ?? null,
      reason: r.reason,
      ruleId: r.ruleId,
      staffId: session.staff.id,
    });
    return {
      verdict: 'refused',
      code: r.code,
      reason: r.reason,
      ruleId: r.ruleId,
      citation: r.ruleId ? ruleCitationForUsers(r.ruleId, deps.pack().admdvs) : null,
      message: r.message,
      scannedDrug: r.drug ? { medListCodg: r.drug.medListCodg, genname: r.drug.genname } : null,
      earlierSale: r.earlier
        ? earlierSaleOf(r.earlier, deps.catalog.get(r.earlier.medListCodg)?.genname ?? '')
        : null,
      dispensing: view(id),
    };
  }

  function scan(session: AuthenticatedSession, id: number, raw: string): ScanVerdict {
    return deps.db
      .transaction((): ScanVerdict => {
        const { d, at, key, lines, decision } = decide(id, raw);
        if ('refuse' in decision) return refused(session, d.id, raw, key, at, decision.refuse);
        const c = decision.accept;
        repo.addCode(d.id, c);
        const line = lines.find((l) => l.lineNo === c.lineNo);
        const name = line?.genname ?? '';
        const of = line?.packsPrescribed ?? 0;
        const packUnit = deps.catalog.get(line?.medListCodg ?? '')?.packUnit ?? '盒';
        const units = c.units === null ? '' : `，取 ${c.units}${line?.qtyUnit ?? ''}`;
        return {
          verdict: 'accepted',
          code: c.code,
          lineNo: c.lineNo,
          medListCodg: line?.medListCodg ?? '',
          genname: name,
          packNo: c.packNo,
          packsOnLine: of,
          reusedPack: c.reusedPack,
          units: c.units,
          message: `${name} 第 ${c.packNo}/${of} ${packUnit}${c.reusedPack ? '（续用已拆零包装）' : ''}已扫码${units}`,
          dispensing: view(d.id),
        };
      })
      .immediate();
  }

  /**
   * Store mode: what the local rules would accept, nothing written — the pack the store server
   * must reserve before the scan is taken (src/services/dispense/store-linked-dispense.ts).
   */
  function previewScan(id: number, raw: string) {
    const { decision } = decide(id, raw);
    if ('refuse' in decision) return null;
    const c = decision.accept;
    const medListCodg = repo.lines(id).find((l) => l.lineNo === c.lineNo)?.medListCodg ?? '';
    return { code: c.code, reusedPack: c.reusedPack, lineNo: c.lineNo, medListCodg };
  }

  /** Store mode: the store server refused the pack, or could not be asked; recorded as a local refusal. */
  function refuseScan(
    session: AuthenticatedSession,
    id: number,
    raw: string,
    r: Pick<Refusal, 'reason' | 'ruleId' | 'message' | 'code'>,
  ): ScanVerdict {
    return deps.db
      .transaction((): ScanVerdict => {
        const { d, at, key, decision } = decide(id, raw);
        const drug =
          'accept' in decision ? products.drugOf(parseScannedCode(raw, at)) : decision.refuse.drug;
        return refused(session, d.id, raw, key, at, { ...r, drug, earlier: null });
      })
      .immediate();
  }

  function removeCode(_session: AuthenticatedSession, id: number, code: string): DispensingView {
    deps.db
      .transaction(() => {
        openOne(id);
        const key = packKey(parseScannedCode(code, deps.now())) ?? code;
        const removed = repo.removeCode(id, key) || repo.removeCode(id, code);
        if (!removed) throw new AppError('NOT_FOUND', `本调剂单没有追溯码 ${code}`);
      })
      .immediate();
    return view(id);
  }

  /**
   * `storeTaken`: a counter of a store allocates the batches the store server's FEFO took (D53)
   * instead of its own.
   */
  function complete(
    session: AuthenticatedSession,
    id: number,
    storeTaken?: readonly StockTaken[],
  ): DispensingView {
    deps.db
      .transaction(() => {
        const d = openOne(id);
        const at = deps.now();
        const today = dateOnly(at);
        const source = storeTaken
          ? storeTakenStock(stock, storeTaken, { staffId: session.staff.id, at: at.getTime() })
          : stock;
        const paper = d.paperId === null ? null : deps.paper.record(d.paperId);
        if (paper) deps.paper.assertDispensable(paper, at);
        else assertRxStillValid(d.hiRxno);
        const lines = repo.lines(id);
        const codes = repo.codes(id);
        const missing = lines.filter((l) => remaining(l, codes) > 0);
        if (missing.length > 0) {
          throw new AppError(
            'POLICY',
            `还有药品未扫足追溯码：${missing.map((l) => `「${l.genname}」差 ${remaining(l, codes)}${l.qtyUnit}`).join('、')}；每盒须扫码后才能完成调剂`,
            { ruleId: 'R-TRACE' },
          );
        }
        for (const l of lines) {
          const packs = packsFromStock(l, codes);
          const { allocations, shortBy } = allocateFefo(source.usable(l.medListCodg, today), packs);
          if (shortBy > 0) {
            throw new AppError(
              'CONFLICT',
              `「${l.genname}」库存不足：需 ${packs} 盒，未过期可用 ${packs - shortBy} 盒；请先入库`,
            );
          }
          for (const a of allocations) {
            source.take(a.batchId, a.packs);
            repo.addAllocation(id, l.lineNo, a.batchId, a.packs);
          }
        }
        for (const c of codes) {
          const l = lines.find((x) => x.lineNo === c.lineNo) as (typeof lines)[number];
          // The center may have refused the code as sold elsewhere after it was scanned here.
          const atCenter = centerRefused.find(c.code);
          if (atCenter) {
            throw new AppError(
              'POLICY',
              `追溯码 ${c.code}：${centerRefusalMessage(atCenter)}；请移除后重扫其他包装`,
              { ruleId: 'R-TRACE-ONCE' },
            );
          }
          const ok = c.reusedPack
            ? sold.takeUnits(c.code, c.units ?? 0, id, at.getTime())
            : sold.sell({
                code: c.code,
                medListCodg: l.medListCodg,
                dispensingId: id,
                at: at.getTime(),
                unitsPerPack: l.splitPack ? l.unitsPerPack : null,
                unitsLeft: l.splitPack ? (l.unitsPerPack ?? 0) - (c.units ?? 0) : null,
              });
          if (!ok) {
            throw new AppError(
              'POLICY',
              `追溯码 ${c.code} 在扫码后已被其他调剂单售出，请移除后重扫其他包装`,
              { ruleId: 'R-TRACE-ONCE' },
            );
          }
        }
        for (const l of lines)
          repo.setDispensed(id, l.lineNo, l.qtyPrescribed - remaining(l, codes));
        repo.complete(d.id, at.getTime());
        if (paper) deps.paper.markDispensed(paper);
        repo.awaitUploads(d.id, d.source, at.getTime());
      })
      .immediate();
    deps.log.info(`调剂完成（调剂单 ${id}，操作员 ${session.staff.username}）`);
    return view(id);
  }

  function assertRxStillValid(hiRxno: string | null): void {
    const p = hiRxno === null ? undefined : deps.prescriptions.get(hiRxno);
    if (!p) throw new AppError('NOT_FOUND', `本机没有处方 ${hiRxno ?? ''}`);
    deps.rxValidity.assertValid(p, '完成调剂');
  }

  function cancel(_session: AuthenticatedSession, id: number): DispensingView {
    deps.db
      .transaction(() => {
        openOne(id);
        repo.cancel(id, deps.now().getTime());
      })
      .immediate();
    return view(id);
  }

  /** Store mode: the codes and lines a completion will sell, for the store server to confirm first. */
  function packsToSell(id: number) {
    openOne(id);
    return { lines: repo.lines(id), codes: repo.codes(id) };
  }

  return {
    start,
    startPaper,
    scan,
    previewScan,
    refuseScan,
    packsToSell,
    removeCode,
    complete,
    cancel,
    get: view,
    /** An open or completed dispensing of the prescription (or paper prescription's rxno) here. */
    isLive: (rxno: string) =>
      repo.live(rxno) !== undefined || repo.livePaperRxno(rxno) !== undefined,
  };
}

export type DispenseService = ReturnType<typeof createDispenseService>;
