import type { PaperSourceView } from '../../contract/types-dispense';
import type { CatalogDrug } from '../../domain/catalog/catalog-drug';
import type { DispensingLine } from '../../domain/dispense/dispensing-lines';
import { AppError } from '../../domain/errors';
import { isMtClaim, mtClaimFundRefusal } from '../../domain/paper/mt-claim';
import { checkPaperPrescription } from '../../domain/paper/paper-checks';
import { paperRefusal } from '../../domain/paper/paper-refusal';
import type { PaperFinding } from '../../domain/paper/paper-types';
import type { PolicyPack } from '../../domain/policy/policy-pack';
import type { Db } from '../../store/database';
import { type PaperRecord, PaperRepository } from '../../store/paper-repository';
import { ShiftRepository } from '../../store/shift-repository';
import type { AuthenticatedSession } from '../auth-service';
import { paperFieldsOf, paperSourceOf } from '../paper/paper-views';
import { unitsPerPack } from './line-plan';

interface Deps {
  db: Db;
  catalog: ReadonlyMap<string, CatalogDrug>;
  /** The pharmacy's current region pack (validity window, cut-offs). */
  pack: () => PolicyPack;
}

/**
 * What dispensing a paper prescription needs besides the shared scan/complete path: the
 * archived record, its lines (R-NOSWAP), the capture checks again at dispensing time (R-VALID,
 * R-PAPER-DUAL, …), one dispensing per paper prescription (R-STATUS, R-PAPER-NO) and a licensed
 * pharmacist on duty who reviews it at the counter, since no center review exists (R-PHARMACIST).
 */
export function createPaperRules(deps: Deps) {
  const papers = new PaperRepository(deps.db);
  const shifts = new ShiftRepository(deps.db);
  const label = (r: PaperRecord) => `第${r.id}号纸质处方（${r.institutionName} ${r.serialNo}）`;

  function record(paperId: number): PaperRecord {
    const r = papers.get(paperId);
    if (!r) throw new AppError('NOT_FOUND', `没有第${paperId}号纸质处方，请先登记归档`);
    return r;
  }

  function refuseDispensed(r: PaperRecord): never {
    throw new AppError('CONFLICT', `${label(r)}已调剂，同一张纸质处方不得重复调剂`, {
      ruleId: 'R-STATUS',
    });
  }

  /** A cashier's capture waits for a pharmacist's confirmation; a rejected one never goes (R-PHARMACIST). */
  function assertConfirmed(r: PaperRecord): void {
    const c = r.confirmation;
    if (c.state === 'confirmed') return;
    throw new AppError(
      'POLICY',
      c.state === 'pending'
        ? `${label(r)}由收银员登记，尚待执业药师确认：请药师在纸质处方页核对影像与数据后确认，再调剂`
        : `${label(r)}已被药师退回（${c.reason ?? ''}），不得调剂`,
      { ruleId: 'R-PHARMACIST' },
    );
  }

  /** Not yet dispensed, confirmed, and still passing every capture check today (R-VALID first). */
  function assertDispensable(r: PaperRecord, at: Date): void {
    if (r.status === 'dispensed') refuseDispensed(r);
    assertConfirmed(r);
    const blocks = checkPaperPrescription(
      paperFieldsOf(r),
      deps.pack(),
      deps.catalog.get.bind(deps.catalog),
      at,
    ).filter((f) => f.severity === 'block');
    const [first, ...rest] = blocks;
    if (!first) return;
    throw paperRefusal('POLICY', `${label(r)}不能调剂：`, [first, ...rest]);
  }

  /** A 门特 self-pay purchase (R-MT-CLAIM) is sold for cash, never dispensed for settlement. */
  function assertFundRoute(r: PaperRecord): void {
    if (isMtClaim(JSON.parse(r.warnings) as PaperFinding[])) throw mtClaimFundRefusal(label(r));
  }

  function assertPharmacistOnDuty(session: AuthenticatedSession): void {
    const staff = session.staff;
    if (staff.role !== 'pharmacist' || !staff.pharmacistCode?.trim()) {
      throw new AppError(
        'FORBIDDEN',
        '纸质处方没有医保中心的审方记录，须由登记了国家药师编码的执业药师审核后开始调剂；当前岗位不能开始纸质处方调剂',
        { ruleId: 'R-PHARMACIST' },
      );
    }
    if (!shifts.openFor(staff.id)) {
      throw new AppError('POLICY', '您当前不在岗：请先“上岗”（F12）后再审核调剂纸质处方', {
        ruleId: 'R-PHARMACIST',
      });
    }
  }

  /** The lines exactly as archived: whole packs, nothing added or swapped (R-NOSWAP). */
  function planLines(r: PaperRecord): DispensingLine[] {
    return r.lines.map((l) => ({
      lineNo: l.lineNo,
      medListCodg: l.medListCodg,
      genname: l.genname,
      splitPack: false,
      unitsPerPack: unitsPerPack(deps.catalog.get(l.medListCodg)?.spec ?? l.spec),
      qtyPrescribed: l.quantity,
      qtyUnit: l.unit,
      packsPrescribed: l.quantity,
      qtyDispensed: 0,
      days: l.days,
    }));
  }

  const source = (paperId: number): PaperSourceView => paperSourceOf(record(paperId));

  /** Inside the completing transaction: the archive records the hand-over. */
  function markDispensed(r: PaperRecord): void {
    if (!papers.markDispensed(r.id)) refuseDispensed(r);
  }

  return {
    record,
    assertDispensable,
    assertFundRoute,
    assertPharmacistOnDuty,
    planLines,
    source,
    markDispensed,
    refuseDispensed,
    /** The paper prescription of this rxno was sold by a 门特 claim here (its store claim stays). */
    soldByMtClaim: (rxno: string) => papers.soldWithoutDispensing(rxno),
  };
}

export type PaperRules = ReturnType<typeof createPaperRules>;
