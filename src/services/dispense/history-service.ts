import { dateOnly, dateTime } from '../../center/clock';
import type { FsiClient } from '../../center/fsi-client';
import type { Out7204 } from '../../center/rx/fsi-72xx';
import type { HistoryEntry, HistoryView } from '../../contract/types-dispense';
import type { CatalogDrug } from '../../domain/catalog/catalog-drug';
import { AppError } from '../../domain/errors';
import { maskIdNumber, maskName } from '../../domain/mask';
import type { PolicyPack } from '../../domain/policy/policy-pack';
import type { Db } from '../../store/database';
import { DispensingRepository, type PastLine } from '../../store/dispensing-repository';
import type { PrescriptionRepository } from '../../store/prescription-repository';
import type { AuthenticatedSession, AuthService } from '../auth-service';
import { queryCenterHistory, type Record5205 } from './center-history';
import { riskWarnings, supplyEnds, therapyClass } from './risk-rules';

interface Deps {
  db: Db;
  fsi: FsiClient;
  auth: AuthService;
  catalog: ReadonlyMap<string, CatalogDrug>;
  prescriptions: PrescriptionRepository;
  now: () => Date;
  /** The pharmacy's current region pack: its long-prescription limit (R-LONGRX). */
  pack: () => PolicyPack;
}

/** How far back history is read (local and 5205). */
const HISTORY_DAYS = 180;

/** The patient's earlier dispensings of these drugs (and their therapy class) with risk warnings. */
export function createHistoryService(deps: Deps) {
  const repo = new DispensingRepository(deps.db);

  function entry(
    source: HistoryEntry['source'],
    at: Date,
    e: Omit<HistoryEntry, 'source' | 'dispensedAt' | 'supplyEnds' | 'stillSupplied'>,
    today: string,
  ): HistoryEntry {
    const from = dateOnly(at);
    const ends = e.daysOfSupply ? supplyEnds(from, e.daysOfSupply) : null;
    return {
      ...e,
      source,
      dispensedAt: dateTime(at),
      supplyEnds: ends,
      stillSupplied: ends !== null && ends >= today,
    };
  }

  function local(p: PastLine, today: string): HistoryEntry {
    return entry(
      'local',
      new Date(p.completedAt),
      {
        hiRxno: p.hiRxno,
        medListCodg: p.medListCodg,
        genname: p.genname,
        quantity: p.qtyDispensed,
        unit: p.qtyUnit,
        daysOfSupply: p.days,
      },
      today,
    );
  }

  function center(r: Record5205, today: string): HistoryEntry | null {
    const at = new Date(`${r.fee_ocur_time.replace(' ', 'T')}+08:00`);
    if (Number.isNaN(at.getTime())) return null;
    return entry(
      'center',
      at,
      {
        hiRxno: r.rx_drord_no ?? null,
        medListCodg: r.med_list_codg,
        genname: deps.catalog.get(r.med_list_codg)?.genname ?? r.hilist_name ?? r.med_list_codg,
        quantity: r.cnt,
        unit: deps.catalog.get(r.med_list_codg)?.packUnit ?? '',
        daysOfSupply: r.prd_days ?? null,
      },
      today,
    );
  }

  async function forPrescription(
    session: AuthenticatedSession,
    hiRxno: string,
  ): Promise<HistoryView> {
    const p = deps.prescriptions.get(hiRxno);
    if (!p) throw new AppError('NOT_FOUND', `本机没有处方 ${hiRxno}，请先扫码下载`);
    const reply = p.reply as Out7204;
    const today = dateOnly(deps.now());
    const lines = reply.rxdrugdetail.map((l) => ({
      medListCodg: l.med_list_codg,
      genname: l.drug_genname,
      days: l.medc_days == null ? null : Number(l.medc_days),
    }));
    const classes = new Set(lines.map((l) => therapyClass(l.medListCodg)).filter(Boolean));
    const related = new Set(lines.map((l) => l.medListCodg));
    for (const code of deps.catalog.keys()) if (classes.has(therapyClass(code))) related.add(code);

    const psnNo = reply.mdtrtinfo.psn_no;
    const fromCenter = psnNo
      ? await queryCenterHistory(
          deps,
          session,
          { psnNo, insuplcAdmdvs: reply.mdtrtinfo.insuplc_admdvs ?? undefined },
          HISTORY_DAYS,
        )
      : { state: 'refused' as const, message: '处方未带人员编号，无法查询医保中心用药记录' };
    const centerEntries =
      fromCenter.state === 'answered'
        ? fromCenter.records
            .filter((r) => related.has(r.med_list_codg))
            .map((r) => center(r, today))
            .filter((e): e is HistoryEntry => e !== null)
        : [];
    const localEntries = repo.pastLines(p.certno, [...related], hiRxno).map((l) => local(l, today));
    const localRx = new Set(localEntries.map((e) => e.hiRxno));
    const entries = [
      ...localEntries,
      ...centerEntries.filter((e) => e.hiRxno === null || !localRx.has(e.hiRxno)),
    ].sort((a, b) => b.dispensedAt.localeCompare(a.dispensedAt));
    return {
      hiRxno,
      patient: { name: maskName(p.patientName), certnoMasked: maskIdNumber(p.certno) },
      entries,
      warnings: riskWarnings(lines, entries, today, deps.pack()),
      center:
        fromCenter.state === 'answered'
          ? {
              state: 'answered',
              message: `医保中心返回 ${fromCenter.records.length} 条用药记录`,
              count: fromCenter.records.length,
            }
          : { state: fromCenter.state, message: fromCenter.message, count: 0 },
    };
  }

  return { forPrescription };
}
