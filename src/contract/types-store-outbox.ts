/** Answers of the store server's center outbox (store-protocol-outbox.ts, D43). */

export interface OutboxHandOverAnswer {
  /** items stored by this request */
  stored: number;
  /** items the store server already had (a resend): kept once, unchanged */
  alreadyKept: number;
  /** the highest local outbox id of this counter the store server holds; null before the first */
  lastLocalId: number | null;
}

export interface OutboxHandedLastAnswer {
  lastLocalId: number | null;
}

/** The lease of the pharmacy's one deliverer, as the asking counter now sees it. */
export interface OutboxLeaseAnswer {
  /** true when the asking counter holds the lease (taken or renewed by this call) */
  mine: boolean;
  holder: string;
  fencing: number;
  /** ms since epoch */
  leaseUntil: number;
}

/** A due item claimed by the deliverer: its frozen request and where it came from. */
export interface ClaimedOutboxItem {
  id: number;
  msgid: string;
  infno: string;
  body: string;
  orderingKey: string | null;
  originCounter: string;
  localId: number;
  attempts: number;
}

export interface OutboxClaimAnswer {
  /** false when the fencing token is no longer the lease's: nothing claimed */
  leaseHeld: boolean;
  items: ClaimedOutboxItem[];
}

export interface OutboxRecordAnswer {
  /** outcomes written */
  recorded: number;
  /** outcomes refused: the item is not claimed under this deliverer's current token */
  refused: number;
}

/** A delivered or parked item of the asking counter. */
export interface OutboxOutcome {
  seq: number;
  localId: number;
  msgid: string;
  status: 'delivered' | 'parked';
  /** the center's answer as JSON text (delivered) */
  response: string | null;
  /** why it waits for a person (parked) */
  error: string | null;
  /** the center's own words of that refusal, when it refused (parked) */
  centerMessage: string | null;
}

export interface OutboxOutcomesAnswer {
  outcomes: OutboxOutcome[];
}
