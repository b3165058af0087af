/** A self-pay (cash) sale's document number: on its receipt, its 3505 and an earlier-sale notice. */
export const selfPayDocNo = (saleId: number) => `Z${saleId}`;

/** A dispensing handed to the hospital's inpatient settlement: on its 3505 and materials (D47). */
export const stayDocNo = (stayHandoverId: number) => `ZY${stayHandoverId}`;
