import type { CatalogDrug } from '../catalog/catalog-drug';
import type { DispensingLine } from '../dispense/dispensing-lines';
import { yuanNumber } from '../money';
import { PAPER_RX_FORM, RX_FORM_FIELD } from '../paper/paper-rxno';
import { approvalFlagOf, type RxSettleFacts, settleVisit } from './rx-settle-facts';
import { SETTLE_CODES } from './settle-codes';

/** One fee line as we bill it: the price is ours (catalog retail price), the split is the center's. */
export interface FeeLine {
  feedetlSn: string;
  lineNo: number | null;
  medListCodg: string;
  name: string;
  /** Packs, or units for a 拆零 line. */
  quantity: number;
  unit: string;
  /** Unit price in 1/10 000 yuan (the wire allows 4 decimals). */
  priceUnits: number;
  totalFen: number;
}

/**
 * The fee lines of a dispensing, exactly its dispensed lines and quantities (R-NOSWAP,
 * R-SETTLE), priced from the catalog; a 拆零 line is priced per unit. A delivery fee, when
 * asked, is a separate line outside the catalog (R-NONCOVERED, R-DELIVERY).
 */
export function feeLines(
  dispensingId: number,
  lines: DispensingLine[],
  catalog: ReadonlyMap<string, CatalogDrug>,
  deliveryFeeFen = 0,
): FeeLine[] {
  const out: FeeLine[] = lines
    .filter((l) => l.qtyDispensed > 0)
    .map((l) => {
      const packFen = catalog.get(l.medListCodg)?.priceFen ?? 0;
      const perUnit = l.splitPack && l.unitsPerPack ? l.unitsPerPack : 1;
      const priceUnits = Math.round((packFen * 100) / perUnit);
      return {
        feedetlSn: `${dispensingId}-${l.lineNo}`,
        lineNo: l.lineNo,
        medListCodg: l.medListCodg,
        name: l.genname,
        quantity: l.qtyDispensed,
        unit: l.qtyUnit,
        priceUnits,
        totalFen: Math.round((l.qtyDispensed * priceUnits) / 100),
      };
    });
  if (deliveryFeeFen > 0) {
    out.push({
      feedetlSn: `${dispensingId}-D`,
      lineNo: null,
      medListCodg: SETTLE_CODES.deliveryFeeCode,
      name: SETTLE_CODES.deliveryFeeName,
      quantity: 1,
      unit: '次',
      priceUnits: deliveryFeeFen * 100,
      totalFen: deliveryFeeFen,
    });
  }
  return out;
}

export interface InsuredPerson {
  psnNo: string;
  insutype: string;
  insuplcAdmdvs: string;
  certType: '01' | '02' | '03';
  certNo: string;
  cardSn: string;
  useAccount: boolean;
}

/** Which prescription a settlement follows: rxno as the wire carries it, and its form. */
export interface SettleRx {
  rxno: string;
  source: 'electronic' | 'paper';
}

/**
 * The 2101/2102 input (druginfo + drugdetail), amounts in yuan as the wire carries them. A
 * paper prescription is an outside prescription with rxno `<institution>-<serial>` and our
 * `x_rx_form: 'paper'` marker (see src/domain/paper/paper-rxno.ts). The e-prescription's facts
 * decide the medical type and disease (R-MT-SETTLE) and each line's approval flag (R-SCOPE).
 */
export function settleInput(
  rx: SettleRx,
  person: InsuredPerson,
  lines: FeeLine[],
  at: string,
  facts: RxSettleFacts | null,
) {
  const medfee = lines.reduce((s, l) => s + l.totalFen, 0);
  const hiRxno = rx.rxno;
  return {
    druginfo: {
      psn_no: person.psnNo,
      mdtrt_cert_type: person.certType,
      mdtrt_cert_no: person.certNo,
      card_sn: person.cardSn,
      medfee_sumamt: yuanNumber(medfee),
      insutype: person.insutype,
      acct_used_flag: person.useAccount ? '1' : '0',
      ...settleVisit(facts),
      rxno: hiRxno,
      rx_circ_flag: '1',
      ...(rx.source === 'paper' ? { [RX_FORM_FIELD]: PAPER_RX_FORM } : {}),
    },
    drugdetail: lines.map((l) => ({
      feedetl_sn: l.feedetlSn,
      rxno: hiRxno,
      rx_circ_flag: '1',
      fee_ocur_time: at,
      med_list_codg: l.medListCodg,
      medins_list_codg: l.medListCodg,
      det_item_fee_sumamt: yuanNumber(l.totalFen),
      cnt: l.quantity,
      pric: l.priceUnits / 10_000,
      hosp_appr_flag: approvalFlagOf(facts, l.lineNo),
    })),
  };
}
