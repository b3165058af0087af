import { printOnly } from '../app/print-only';

/** Prints the audit head slip (链尾凭条). */
export const printAuditSlip = (): void => void printOnly('printing-audit-slip', 'auditSlip');
