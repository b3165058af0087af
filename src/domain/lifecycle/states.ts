/**
 * The states of a sale's lifecycle, declared once: the store writes them, the contract shows
 * them. Which moves between them are allowed is in transitions.ts.
 */

/** Local life of a settlement (2102, its refund 2103 and their 2601 reversals). */
export type SettlementState =
  | 'settling'
  | 'settled'
  | 'refused'
  | 'outcome_unknown'
  | 'voided'
  | 'refunding'
  | 'refund_unknown'
  | 'refunded';

export type DispensingState = 'open' | 'completed' | 'cancelled' | 'returned';

/** A captured paper prescription; dispensed once, and kept so (retention trigger, migration 6). */
export type PaperStatus = 'captured' | 'dispensed';

/**
 * A pharmacist's decision on a captured paper prescription (migration 28): a cashier's capture
 * waits for it; a pharmacist's own capture is confirmed at once. Only a confirmed one is dispensed.
 */
export type PaperConfirmationState = 'pending' | 'confirmed' | 'rejected';

/** A per-sale upload row (7207 / 3505 of a dispensing): waiting for the settlement, then queued, then delivered. */
export type DispensingUploadState = 'waiting' | 'queued' | 'delivered';

/** An upload as shown: its outbox item's state, `parked` when the center refused it. */
export type UploadState = DispensingUploadState | 'parked';

/**
 * A complaint or report (R-COMPLAINT): checked, then corrected here or passed to the local
 * insurance agency when outside the pharmacy's remit, then closed.
 */
export type ComplaintState = 'received' | 'checking' | 'corrected' | 'referred' | 'closed';
/**
 * A completed dispensing of an inpatient's dual-channel prescription handed to the hospital's
 * inpatient settlement (R-MT-SETTLE, 003 §三(一)): recorded once, withdrawn (撤销) before the
 * hospital settles. The dispensing itself stays 'completed' (D47).
 */
export type StayHandoverState = 'handed_over' | 'withdrawn';
/** A delivery order (R-DELIVERY): handed to the courier, then signed for by the patient. */
export type DeliveryState = 'ordered' | 'handed_over' | 'received';
