/** Answers of the store server's settlement records (store-protocol-settlements.ts). */

export interface SettlementsRecordAnswer {
  /** records stored by this request */
  recorded: number;
  /** records the store server already had (a resend): stored once, unchanged */
  alreadyKept: number;
}

export interface SettlementsLastAnswer {
  /** ms since epoch of this counter's latest stored event; null before its first */
  lastAt: number | null;
}

/** Settlements and refunds of one Beijing day, summed in fen. */
export interface StoreDayTotals {
  settlements: number;
  refunds: number;
  /** settled minus refunded, each part */
  medfeeFen: number;
  fundFen: number;
  acctFen: number;
  cashFen: number;
  /** self-pay (cash) sales of goods: how many, and their takings in fen */
  cashSales: number;
  cashSalesFen: number;
}

export interface StoreDayReport {
  /** YYYY-MM-DD, Beijing time */
  day: string;
  counters: Array<{ counterId: string } & StoreDayTotals>;
  store: StoreDayTotals;
}
