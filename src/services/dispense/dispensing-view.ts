import { dateTime } from '../../center/clock';
import type {
  DispenseLineView,
  DispensingView,
  EarlierSale,
  PaperSourceView,
} from '../../contract/types-dispense';
import type { CatalogDrug } from '../../domain/catalog/catalog-drug';
import type { DispensingCode, DispensingLine } from '../../domain/dispense/dispensing-lines';
import { remaining } from '../../domain/dispense/scan-decision';
import { maskIdNumber, maskName } from '../../domain/mask';
import { paperRxno } from '../../domain/paper/paper-rxno';
import { selfPayDocNo } from '../../domain/sale-doc-no';
import type { SoldCodeWithSale } from '../../domain/trace/sold-code';
import type { Allocation, Dispensing } from '../../store/dispensing-repository';

export interface ViewInput {
  d: Dispensing;
  /** The paper prescription of a paper dispensing. */
  paper: PaperSourceView | null;
  staffName: string;
  lines: DispensingLine[];
  codes: DispensingCode[];
  allocations: Allocation[];
  catalog: ReadonlyMap<string, CatalogDrug>;
  /** Unexpired packs on hand per drug. */
  stock: (medListCodg: string) => number;
  /** Handed to the hospital's inpatient settlement (R-MT-SETTLE, D47). */
  withStay: boolean;
  /** An inpatient stay's dual-channel prescription: settled by the hospital, not here. */
  settlesWithStay: boolean;
}

const time = (ms: number) => dateTime(new Date(ms));

/** Packs a line still has to take from stock: whole packs, or fresh (not reused) opened packs. */
export function packsFromStock(line: DispensingLine, codes: DispensingCode[]): number {
  const mine = codes.filter((c) => c.lineNo === line.lineNo);
  return line.splitPack ? mine.filter((c) => !c.reusedPack).length : mine.length;
}

export function buildDispensingView(v: ViewInput): DispensingView {
  const blockers: string[] = [];
  const lines = v.lines.map((l): DispenseLineView => {
    const mine = v.codes.filter((c) => c.lineNo === l.lineNo);
    const drug = v.catalog.get(l.medListCodg);
    const left = remaining(l, v.codes);
    const stockAvailable = v.stock(l.medListCodg);
    if (v.d.state === 'open') {
      if (left > 0) blockers.push(`「${l.genname}」还差 ${left}${l.qtyUnit} 未扫追溯码`);
      const needed = packsFromStock(l, v.codes);
      if (needed > stockAvailable) {
        blockers.push(`「${l.genname}」库存不足：需 ${needed} 盒，可用 ${stockAvailable} 盒`);
      }
    }
    return {
      lineNo: l.lineNo,
      medListCodg: l.medListCodg,
      genname: l.genname,
      spec: drug?.spec ?? '',
      packUnit: drug?.packUnit ?? '盒',
      splitPack: l.splitPack,
      unitsPerPack: l.unitsPerPack,
      quantityPrescribed: l.qtyPrescribed,
      quantityUnit: l.qtyUnit,
      packsPrescribed: l.packsPrescribed,
      packsScanned: mine.length,
      quantityCovered: l.qtyPrescribed - left,
      stockAvailable,
      complete: left === 0,
      codes: mine.map((c) => ({
        code: c.code,
        kind: c.kind,
        packNo: c.packNo,
        units: c.units,
        reusedPack: c.reusedPack,
        scannedAt: time(c.scannedAt),
      })),
      allocations: v.allocations
        .filter((a) => a.lineNo === l.lineNo)
        .map((a) => ({ batchNo: a.batchNo, expiry: a.expiry, packs: a.packs })),
    };
  });
  const state = v.d.state === 'returned' ? 'completed' : v.d.state;
  return {
    dispensingId: v.d.id,
    source: v.d.source,
    hiRxno: v.d.hiRxno,
    rxno: v.paper ? paperRxno(v.paper.institutionCode, v.paper.serialNo) : (v.d.hiRxno ?? ''),
    paper: v.paper,
    state,
    patient: { name: maskName(v.d.patientName), certnoMasked: maskIdNumber(v.d.certno) },
    staff: { id: v.d.staffId, displayName: v.staffName },
    startedAt: time(v.d.startedAt),
    completedAt: v.d.completedAt === null ? null : time(v.d.completedAt),
    lines,
    readyToComplete: v.d.state === 'open' && blockers.length === 0,
    withStay: v.withStay,
    settlesWithStay: v.settlesWithStay,
    blockers,
  };
}

export function earlierSaleOf(s: SoldCodeWithSale, genname: string): EarlierSale {
  if (s.selfPaySaleId !== null) {
    return {
      soldAt: time(s.soldAt),
      channel: 'selfPay',
      hiRxno: null,
      dispensingId: null,
      selfPaySaleId: s.selfPaySaleId,
      saleRef: `自费零售单 ${selfPayDocNo(s.selfPaySaleId)}`,
      genname,
      patientMasked: '自费零售（无处方，不登记患者）',
      unitsLeft: null,
    };
  }
  return {
    soldAt: time(s.lastUsedAt),
    channel: 'prescription',
    hiRxno: s.hiRxno,
    dispensingId: s.lastDispensingId,
    selfPaySaleId: null,
    saleRef: s.hiRxno ?? '',
    genname,
    patientMasked: `${maskName(s.patientName ?? '')}（${maskIdNumber(s.certno ?? '')}）`,
    unitsLeft: s.unitsLeft,
  };
}
