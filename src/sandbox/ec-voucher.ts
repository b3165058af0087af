import { ecPasswordDigest } from '../center/rx/ec-password';
import { EC_VOUCHER_REFUSALS } from '../domain/ec-voucher';
import type { SandboxDb } from './db';
import type { PatientRow } from './patients';
import { PersistedRefusal, Refusal } from './refusal';

/** Wrong passwords in a row before the voucher's password is locked until the patient resets it. */
export const EC_PASSWORD_MAX_FAILURES = 5;

interface PasswordRow {
  pwd_sm3: string | null;
  failures: number;
  locked_at: number | null;
}

/**
 * R-AUTH / ST-EPC-02-005: a card or ID-number authorisation is confirmed with the person's
 * e-voucher password. Refuses a missing, unactivated, locked or wrong one; a wrong one counts
 * (committed although the query is refused) and the fifth in a row locks it.
 */
export function confirmEcPassword(db: SandboxDb, patient: PatientRow, pwdSm3: string): void {
  if (pwdSm3 === '') {
    throw new Refusal(`使用身份证或社会保障卡查询处方，${EC_VOUCHER_REFUSALS.missing}`);
  }
  const row = db
    .prepare('SELECT pwd_sm3, failures, locked_at FROM ec_voucher_passwords WHERE psn_no = ?')
    .get(patient.psn_no) as PasswordRow | undefined;
  if (!row?.pwd_sm3) {
    throw new Refusal(`${EC_VOUCHER_REFUSALS.notActivated}：请参保人先激活医保电子凭证并设置密码`);
  }
  if (row.locked_at !== null) {
    throw new Refusal(
      `${EC_VOUCHER_REFUSALS.locked}（连续输错${EC_PASSWORD_MAX_FAILURES}次）：请参保人重置密码后再试`,
    );
  }
  if (row.pwd_sm3 !== pwdSm3) {
    const failures = row.failures + 1;
    const locks = failures >= EC_PASSWORD_MAX_FAILURES;
    throw new PersistedRefusal(
      locks
        ? `${EC_VOUCHER_REFUSALS.wrong}，${EC_VOUCHER_REFUSALS.locked}（连续输错${EC_PASSWORD_MAX_FAILURES}次）：请参保人重置密码后再试`
        : `${EC_VOUCHER_REFUSALS.wrong}，还可尝试${EC_PASSWORD_MAX_FAILURES - failures}次`,
      () =>
        db
          .prepare(
            'UPDATE ec_voucher_passwords SET failures = ?, locked_at = ?, updated_at = ? WHERE psn_no = ?',
          )
          .run(failures, locks ? Date.now() : null, Date.now(), patient.psn_no),
    );
  }
  if (row.failures > 0) {
    db.prepare('UPDATE ec_voucher_passwords SET failures = 0, updated_at = ? WHERE psn_no = ?').run(
      Date.now(),
      patient.psn_no,
    );
  }
}

/**
 * What the patient does in the national medical-insurance app (activation, or a password reset
 * after face recognition): sets the password and lifts a lockout. `null` leaves the voucher
 * not activated (the demo seed).
 */
export function setEcPassword(db: SandboxDb, psnNo: string, password: string | null): void {
  db.prepare(
    `INSERT INTO ec_voucher_passwords (psn_no, pwd_sm3, failures, locked_at, updated_at)
     VALUES (?, ?, 0, NULL, ?)
     ON CONFLICT (psn_no) DO UPDATE SET pwd_sm3 = excluded.pwd_sm3, failures = 0, locked_at = NULL,
       updated_at = excluded.updated_at`,
  ).run(psnNo, password === null ? null : ecPasswordDigest(password), Date.now());
}
