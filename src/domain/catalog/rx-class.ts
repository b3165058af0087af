/**
 * Prescription class of a catalog item (R-GSP-RX): 处方药 are sold only against a prescription;
 * 甲类/乙类非处方药 (OTC) and goods that are no drug may be sold over the counter.
 *
 * The seeds ask nothing more of 甲类 OTC at the counter: 002 §二(一) asks for a licensed
 * pharmacist on duty for prescription review and medication guidance, not for OTC sales, so a
 * 甲类 OTC sale is not tied to a pharmacist's shift here.
 */
export const RX_CLASSES = {
  rx: '处方药',
  otcA: '甲类非处方药',
  otcB: '乙类非处方药',
  nonDrug: '非药品',
} as const;
export type RxClass = keyof typeof RX_CLASSES;
export const RX_CLASS_CODES = Object.keys(RX_CLASSES) as RxClass[];

/** Whether the item may be sold without a prescription (self-pay counter sale). */
export function sellableWithoutPrescription(rxClass: RxClass): boolean {
  return rxClass !== 'rx';
}

/** rx_flag of the 35xx/7207 uploads: 1 处方药, 0 otherwise (OTC or non-drug goods). */
export function rxFlagOf(rxClass: RxClass): '1' | '0' {
  return rxClass === 'rx' ? '1' : '0';
}

/** rx_flag of a stocked item by its code; an item the catalog does not know counts as 处方药. */
export function catalogRxFlag(
  catalog: ReadonlyMap<string, { rxClass: RxClass }>,
  medListCodg: string,
): '1' | '0' {
  const drug = catalog.get(medListCodg);
  return drug ? rxFlagOf(drug.rxClass) : '1';
}
