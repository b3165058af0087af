import type { StoreErrorBody } from '../contract/types-store';

const STATUS: Record<StoreErrorBody['code'], number> = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  REPLAYED: 401,
  UNKNOWN_METHOD: 404,
  IDEMPOTENCY_MISMATCH: 409,
  MSGID_SLOTS_FULL: 409,
  TOO_LARGE: 413,
  INTERNAL: 500,
};

/** A refusal of the request itself (not a business verdict), answered with its HTTP status. */
export class StoreError extends Error {
  constructor(
    readonly code: StoreErrorBody['code'],
    message: string,
  ) {
    super(message);
    this.name = 'StoreError';
  }

  get status(): number {
    return STATUS[this.code];
  }

  body(): StoreErrorBody {
    return { code: this.code, message: this.message };
  }
}
