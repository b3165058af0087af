/** A self-pay (cash) sale's document number: on its receipt, its 3505 and an earlier-sale notice. */
export const selfPayDocNo = (saleId: number) => `Z${saleId}`;
