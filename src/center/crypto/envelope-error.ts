export type EnvelopeErrorReason =
  | 'malformed'
  | 'bad_cipher'
  | 'bad_signature'
  | 'wrong_app'
  | 'center_error';

/**
 * Why an EPC envelope was refused. `center_error` carries the center's own code and message
 * (a well-formed reply with code ≠ 0); the others mean the message itself cannot be trusted.
 */
export class EnvelopeError extends Error {
  readonly reason: EnvelopeErrorReason;
  readonly centerCode: number | undefined;
  readonly centerMessage: string | undefined;

  constructor(
    reason: EnvelopeErrorReason,
    message: string,
    center?: { code: number; message: string },
  ) {
    super(message);
    this.name = 'EnvelopeError';
    this.reason = reason;
    this.centerCode = center?.code;
    this.centerMessage = center?.message;
  }
}
