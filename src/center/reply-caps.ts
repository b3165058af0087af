/**
 * The largest center reply body we read, per kind of call. A reply over its cap is refused
 * while it streams in (src/center/capped-body.ts), so a hostile or broken center cannot make
 * the counter buffer hundreds of megabytes. Each cap is far above what the call really returns.
 */
const KiB = 1024;
const MiB = 1024 * KiB;

/** Sign-in, person info (1101), settlements, uploads and their acknowledgements: a few KB. */
export const DEFAULT_FSI_REPLY_CAP_BYTES = 2 * MiB;

/**
 * By infno, where a reply legitimately carries more: 7204 brings the prescription's layout file
 * (a PDF, Base64) with its signature and certificates; 7203 is the detail without the file;
 * 7202 lists a person's prescriptions; 5205 lists a person's drug history.
 */
const FSI_REPLY_CAPS: Readonly<Record<string, number>> = {
  '7202': 4 * MiB,
  '7203': 4 * MiB,
  '7204': 32 * MiB,
  '5205': 8 * MiB,
};

export function fsiReplyCapBytes(infno: string): number {
  return FSI_REPLY_CAPS[infno] ?? DEFAULT_FSI_REPLY_CAP_BYTES;
}

/**
 * EPC (channel A) replies: acknowledgements and the prescription detail query, whose layout
 * file can ride along (hospRxDetlQuery); same ceiling as a 7204 download.
 */
export const EPC_REPLY_CAP_BYTES = 32 * MiB;
