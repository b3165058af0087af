import { isValidIdNumber } from './paper/id-number';
import { normalisePharmacistCode, pharmacistCodeProblem } from './pharmacist-code';
import type { Role } from './staff';

/** What an administrator registers about a member of staff besides the log-in. */
export interface StaffAccountFields {
  displayName: string;
  role: Role;
  pharmacistCode: string | null;
  /** 居民身份证号: a pharmacist's own e-voucher is checked against it before review (R-PHARMACIST). */
  certno: string | null;
}

export interface StaffAccountProblem {
  field: 'displayName' | 'pharmacistCode' | 'certno';
  message: string;
}

export const USERNAME_PATTERN = /^[A-Za-z][A-Za-z0-9_.-]{1,31}$/;

/** The fields as stored: trimmed, code upper-case, empty as null; a non-pharmacist keeps no code. */
export function normaliseStaffAccount(fields: StaffAccountFields): StaffAccountFields {
  const code = fields.pharmacistCode ? normalisePharmacistCode(fields.pharmacistCode) : '';
  const certno = fields.certno?.trim().toUpperCase() ?? '';
  return {
    displayName: fields.displayName.trim(),
    role: fields.role,
    pharmacistCode: fields.role === 'pharmacist' && code ? code : null,
    certno: certno || null,
  };
}

/**
 * Why the account cannot be saved (R-PHARMACIST, ST-EPC-02-002): a licensed pharmacist needs the
 * national pharmacist code and the ID number their e-voucher is checked against; any ID number
 * given must carry a valid GB 11643 check character.
 */
export function staffAccountProblem(raw: StaffAccountFields): StaffAccountProblem | null {
  const fields = normaliseStaffAccount(raw);
  if (!fields.displayName) return { field: 'displayName', message: '姓名不能为空' };
  if (fields.role === 'pharmacist') {
    const codeProblem = pharmacistCodeProblem(fields.pharmacistCode ?? '');
    if (codeProblem) return { field: 'pharmacistCode', message: codeProblem };
    if (!fields.certno)
      return { field: 'certno', message: '执业药师须登记居民身份证号（用于核验本人医保电子凭证）' };
  }
  if (fields.certno && !isValidIdNumber(fields.certno))
    return { field: 'certno', message: '居民身份证号无效（应为 18 位，末位校验码须正确）' };
  return null;
}
