import { CRL_REASONS, type CrlReason } from '../../center/x509';
import type { SandboxConfig } from '../config';
import type { SandboxDb } from '../db';
import { sandboxHospitals } from '../hospitals';
import { Refusal } from '../refusal';
import { resignCrl } from './crl-store';
import {
  currentInstitutionCert,
  type InstitutionCertRow,
  issueInstitutionCert,
  markRevoked,
} from './institution-certs';
import { sandboxCa } from './sandbox-ca';

/**
 * Gives every registered hospital a signing certificate if it has none (seed, every start).
 * An unseeded center has no institutions yet, so nothing is issued.
 */
export function ensureInstitutionCerts(db: SandboxDb, config: SandboxConfig): number {
  let issued = 0;
  const registered = db.prepare('SELECT 1 FROM institutions WHERE fixmedins_code = ?');
  for (const h of sandboxHospitals(config)) {
    if (!registered.get(h.fixmedinsCode)) continue;
    if (currentInstitutionCert(db, h.fixmedinsCode)) continue;
    issueInstitutionCert(db, sandboxCa(config), h, config.ca.institutionCertYears, new Date());
    issued += 1;
  }
  return issued;
}

export function isCrlReason(v: unknown): v is CrlReason {
  return typeof v === 'string' && Object.hasOwn(CRL_REASONS, v);
}

/**
 * Revokes the institution's current certificate, issues it a new one and re-signs the CRL.
 * Prescriptions already signed keep pointing at the revoked certificate (R-SIGN).
 */
export function revokeInstitutionCert(
  db: SandboxDb,
  config: SandboxConfig,
  fixmedinsCode: string,
  reason: CrlReason = 'keyCompromise',
): { revoked: InstitutionCertRow; issued: InstitutionCertRow } {
  const hospital = sandboxHospitals(config).find((h) => h.fixmedinsCode === fixmedinsCode);
  const current = currentInstitutionCert(db, fixmedinsCode);
  if (!hospital || !current) throw new Refusal(`未找到该机构的签名证书：${fixmedinsCode}`);
  const now = new Date();
  return db.transaction(() => {
    markRevoked(db, current.serial_hex, reason, now);
    const issued = issueInstitutionCert(
      db,
      sandboxCa(config),
      hospital,
      config.ca.institutionCertYears,
      now,
    );
    resignCrl(db, config, now.getTime());
    return { revoked: { ...current, revoked_at: now.getTime(), revoke_reason: reason }, issued };
  })();
}
