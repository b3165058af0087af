/**
 * A pack sold at this counter (R-TRACE-ONCE), on whichever path: a dispensing (insured
 * e-prescription or paper) or a self-pay (cash) sale. One registry (migration 13): the database
 * refuses a second live row of a code.
 */
export interface SoldCode {
  code: string;
  medListCodg: string;
  /** The dispensing that sold it; null for a self-pay sale. */
  dispensingId: number | null;
  /** The self-pay sale that sold it; null for a dispensing. */
  selfPaySaleId: number | null;
  soldAt: number;
  returnedAt: number | null;
  unitsPerPack: number | null;
  unitsLeft: number | null;
  /** The dispensing that last took units of it (拆零); null for a self-pay sale. */
  lastDispensingId: number | null;
  lastUsedAt: number;
}

/** The earlier sale shown with a refused repeat: who, when, which prescription or cash sale. */
export interface SoldCodeWithSale extends SoldCode {
  /** The e-prescription's hi_rxno, or a paper prescription's `<institution>-<serial>`; null for cash. */
  hiRxno: string | null;
  patientName: string | null;
  certno: string | null;
}

/** A traceability code the center refused as already sold elsewhere (R-TRACE-ONCE, migration 13). */
export interface CenterRefusedCode {
  code: string;
  /** The center's refusal, word for word. */
  centerMessage: string;
  infno: '7207' | '3505';
  msgid: string;
  refusedAt: number;
}
