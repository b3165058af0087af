import { isFsiInfno, TRANSACTIONS } from './transactions';

/**
 * The largest center reply body we read, per kind of call. A reply over its cap is refused
 * while it streams in (src/center/capped-body.ts), so a hostile or broken center cannot make
 * the counter buffer hundreds of megabytes. Each cap is far above what the call really returns.
 */
const KiB = 1024;
const MiB = 1024 * KiB;

/** Sign-in, person info (1101), settlements, uploads and their acknowledgements: a few KB. */
export const DEFAULT_FSI_REPLY_CAP_BYTES = 2 * MiB;

/** A transaction's own cap where its reply legitimately carries more (its catalogue entry). */
export function fsiReplyCapBytes(infno: string): number {
  return isFsiInfno(infno)
    ? (TRANSACTIONS[infno].replyCapBytes ?? DEFAULT_FSI_REPLY_CAP_BYTES)
    : DEFAULT_FSI_REPLY_CAP_BYTES;
}

/**
 * EPC (channel A) replies: acknowledgements and the prescription detail query, whose layout
 * file can ride along (hospRxDetlQuery); same ceiling as a 7204 download.
 */
export const EPC_REPLY_CAP_BYTES = 32 * MiB;
