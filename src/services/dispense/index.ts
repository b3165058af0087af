import type { Out7204 } from '../../center/rx/fsi-72xx';
import type { StoreClashView, StoreLinkView } from '../../contract/types-store';
import { AppError } from '../../domain/errors';
import { paperRxno } from '../../domain/paper/paper-rxno';
import { RxSelfPayRepository } from '../../store/rx-self-pay-repository';
import type { AreaDeps } from '../area-deps';
import { currentPackOf } from '../paper/region-pack';
import type { RegionService } from '../region-service';
import { createDispenseService } from './dispense-service';
import { buildGuidance, buildPaperGuidance } from './guidance';
import { createHeldService } from './held-service';
import { createHistoryService } from './history-service';
import { createPaperRules } from './paper-rules';
import { createTableReviewGate, type ReviewGate } from './review-gate';
import { createStockService } from './stock-service';
import { linkRxClaimsToStore } from './store-linked-claims';
import { linkDispenseToStore } from './store-linked-dispense';

/** Dispensing, stock and traceability-code services of the counter. */
export function createDispenseArea(deps: AreaDeps, regions: RegionService) {
  let gate: ReviewGate = createTableReviewGate(deps.db);
  const pack = currentPackOf(deps.config, regions);
  const paper = createPaperRules({ db: deps.db, catalog: deps.catalog, pack });
  const dispense = createDispenseService({ ...deps, gate: () => gate, paper, pack });
  const held = createHeldService({ ...deps, view: dispense.get });
  const stock = createStockService(deps);
  const history = createHistoryService({ ...deps, pack });
  if (deps.config.sandbox) seedDemoStock(deps, stock.seedDemo);
  // A counter of a store: scans and completions go through the store server (issue 17).
  const rxSelfPay = new RxSelfPayRepository(deps.db);
  const linked = deps.storeLink
    ? linkDispenseToStore(dispense, deps.storeLink, deps.storeQueue, deps.log)
    : null;
  // …and a prescription is dispensed at one counter only: claimed at the store on start.
  const claims =
    linked && deps.storeLink
      ? linkRxClaimsToStore(
          {
            start: dispense.start,
            startPaper: dispense.startPaper,
            paperRxnoOf: (paperId) => {
              const r = paper.record(paperId);
              return paperRxno(r.institutionCode, r.serialNo);
            },
            // A standing 自费结算 and a 门特 claim's sale keep their claims too (D52).
            isLive: (rxno) =>
              dispense.isLive(rxno) ||
              rxSelfPay.standing(rxno) !== undefined ||
              paper.soldByMtClaim(rxno),
            get: dispense.get,
            cancel: linked.cancel,
            cancelHeld: held.cancelHeld,
          },
          deps.storeLink,
          deps.log,
        )
      : null;

  return {
    ...dispense,
    /** The paper prescription's dispensing rules, shared with the 门特 self-pay sale (R-MT-CLAIM). */
    paperRules: paper,
    /** Store mode's scan, remove, cancel and complete; null for a single counter. */
    linked,
    /** Store mode's start, cancel and undo with the prescription's claim; null for a single counter. */
    claims,
    storeLink(): Promise<StoreLinkView> | StoreLinkView {
      return linked
        ? linked.probe()
        : { mode: 'single', message: '单柜台模式：本机数据库，不连接门店服务器' };
    },
    /** Offline cash sales that clashed with another counter's sale (store mode, D42). */
    storeClashes(): StoreClashView[] {
      return deps.storeQueue?.clashes() ?? [];
    },
    held: held.held,
    reopen: held.reopen,
    cancelHeld: held.cancelHeld,
    carryOverHeld: held.carryOver,
    history: history.forPrescription,
    stockList: stock.list,
    guidance(hiRxno: string) {
      const p = deps.prescriptions.get(hiRxno);
      if (!p) throw new AppError('NOT_FOUND', `本机没有处方 ${hiRxno}，请先扫码下载`);
      return buildGuidance(hiRxno, p.patientName, p.reply as Out7204, deps.catalog);
    },
    guidanceForPaper(paperId: number) {
      const r = paper.record(paperId);
      const rxno = paperRxno(r.institutionCode, r.serialNo);
      return buildPaperGuidance(rxno, r.patientName, r.lines, deps.catalog);
    },
    /** Wires the review area's gate (and a test double in tests). */
    useReviewGate(next: ReviewGate) {
      gate = next;
    },
  };
}

/** Demo stock is received by the first admin of the demo staff. */
function seedDemoStock(deps: AreaDeps, seed: (staffId: number) => number): void {
  const staffId = deps.db
    .prepare("SELECT id FROM staff WHERE role = 'admin' ORDER BY id LIMIT 1")
    .pluck()
    .get() as number | undefined;
  if (staffId === undefined) return;
  const n = seed(staffId);
  if (n > 0) deps.log.info(`沙箱演示库存已入库：${n} 个批次`);
}

export type DispenseArea = ReturnType<typeof createDispenseArea>;
