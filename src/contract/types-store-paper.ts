/** Answers of the store's paper archive index (store-protocol-paper.ts, D56). */

export type PaperIndexState = 'captured' | 'dispensed';

/** One counter's archive of one paper prescription, as the store's index keeps it. */
export interface PaperIndexRow {
  /** paperRxno(): <institution>-<serial> */
  key: string;
  counterId: string;
  /** the counter's paper_prescriptions.id */
  localId: number;
  /** ms since epoch, the counter's time of capture */
  capturedAt: number;
  rxDate: string;
  imageSm3: string;
  recordSm3: string;
  capturedBy: string;
  state: PaperIndexState;
}

export interface PaperIndexRecordAnswer {
  recorded: number;
  dispensed: number;
  alreadyKept: number;
}

export interface PaperIndexLastAnswer {
  /** this counter's highest stored local id (0 before its first) */
  lastLocalId: number;
  /** this counter's newest entries still `captured` at the store (at most 500), to move on */
  capturedLocalIds: number[];
}

/** What the store knows of one paper prescription at every counter (R-PAPER-NO, R-STATUS). */
export interface PaperSeenAnswer {
  key: string;
  archived: PaperIndexRow[];
  /** the counter holding it for a dispensing or sale, and its settlement; null when none */
  claim: { counterId: string; claimedAt: number; settledAt: number | null } | null;
}

export interface PaperIndexSearchAnswer {
  total: number;
  rows: PaperIndexRow[];
}
