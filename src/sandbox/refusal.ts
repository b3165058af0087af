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
