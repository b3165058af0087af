import { generateSm2KeyPair } from '../../center/crypto';
import {
  type CrlReason,
  issueCertificate,
  parseCertificate,
  randomSerialHex,
} from '../../center/x509';
import type { SandboxDb } from '../db';
import { provinceOf } from './province';
import type { SandboxCa } from './sandbox-ca';

export interface InstitutionCertRow {
  serial_hex: string;
  fixmedins_code: string;
  cert_der: Buffer;
  private_key: string;
  subject_dn: string;
  not_before: number;
  not_after: number;
  issued_at: number;
  revoked_at: number | null;
  revoke_reason: CrlReason | null;
}

interface InstitutionInfo {
  fixmedinsCode: string;
  fixmedinsName: string;
  admdvs: string;
}

const DAY_MS = 86_400_000;

/**
 * Issues the institution a new signing certificate (SM2 key made here; the center keeps it).
 * notBefore lies a year back so prescriptions dated in the past (sandbox clock) are covered.
 */
export function issueInstitutionCert(
  db: SandboxDb,
  ca: SandboxCa,
  inst: InstitutionInfo,
  years: number,
  now: Date,
): InstitutionCertRow {
  const keys = generateSm2KeyPair();
  const serialHex = randomSerialHex();
  const notBefore = new Date(Math.floor(now.getTime() / 1000) * 1000 - 365 * DAY_MS);
  const notAfter = new Date(notBefore.getTime() + (years + 1) * 365 * DAY_MS);
  const der = issueCertificate({
    issuer: { cert: ca.cert, privateKey: ca.privateKey },
    subject: { C: 'CN', ST: provinceOf(inst.admdvs), O: 'NHSA', OU: '02', CN: inst.fixmedinsName },
    publicKey: keys.publicKey,
    serialHex,
    notBefore,
    notAfter,
  });
  const row: InstitutionCertRow = {
    serial_hex: serialHex,
    fixmedins_code: inst.fixmedinsCode,
    cert_der: der,
    private_key: keys.privateKey,
    subject_dn: parseCertificate(der).subjectDn,
    not_before: notBefore.getTime(),
    not_after: notAfter.getTime(),
    issued_at: now.getTime(),
    revoked_at: null,
    revoke_reason: null,
  };
  db.prepare(
    `INSERT INTO institution_certs (serial_hex, fixmedins_code, cert_der, private_key, subject_dn, not_before,
       not_after, issued_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    row.serial_hex,
    row.fixmedins_code,
    row.cert_der,
    row.private_key,
    row.subject_dn,
    row.not_before,
    row.not_after,
    row.issued_at,
  );
  return row;
}

/** The institution's current certificate: the newest one not revoked. */
export function currentInstitutionCert(
  db: SandboxDb,
  fixmedinsCode: string,
): InstitutionCertRow | null {
  return (
    (db
      .prepare(
        `SELECT * FROM institution_certs WHERE fixmedins_code = ? AND revoked_at IS NULL
         ORDER BY issued_at DESC, rowid DESC LIMIT 1`,
      )
      .get(fixmedinsCode) as InstitutionCertRow | undefined) ?? null
  );
}

export function institutionCertBySerial(
  db: SandboxDb,
  serialHex: string,
): InstitutionCertRow | null {
  return (
    (db.prepare('SELECT * FROM institution_certs WHERE serial_hex = ?').get(serialHex) as
      | InstitutionCertRow
      | undefined) ?? null
  );
}

export function revokedCerts(db: SandboxDb): InstitutionCertRow[] {
  return db
    .prepare('SELECT * FROM institution_certs WHERE revoked_at IS NOT NULL ORDER BY revoked_at')
    .all() as InstitutionCertRow[];
}

export function markRevoked(db: SandboxDb, serialHex: string, reason: CrlReason, now: Date): void {
  db.prepare(
    'UPDATE institution_certs SET revoked_at = ?, revoke_reason = ? WHERE serial_hex = ? AND revoked_at IS NULL',
  ).run(now.getTime(), reason, serialHex);
}
