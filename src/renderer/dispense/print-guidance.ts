import { printOnly } from '../app/print-only';

/** Prints the medication guidance sheet. */
export const printGuidance = (): void => void printOnly('printing-guidance', 'guidance');
