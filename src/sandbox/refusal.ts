/**
 * A business refusal by the center, with a Chinese message: FSI answers it as infcode -2,
 * the e-prescription center as a signed reply with `code` (default: validation error).
 */
export class Refusal extends Error {
  readonly epcCode: number | undefined;

  constructor(message: string, epcCode?: number) {
    super(message);
    this.name = 'Refusal';
    this.epcCode = epcCode;
  }
}

/**
 * A refusal that must leave a trace although the transaction is rolled back (a wrong e-voucher
 * password counts towards the lockout): the gateway runs `persist` after the rollback.
 */
export class PersistedRefusal extends Refusal {
  constructor(
    message: string,
    readonly persist: () => void,
  ) {
    super(message);
    this.name = 'PersistedRefusal';
  }
}
