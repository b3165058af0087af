import { sm3Hex } from '../../center/crypto/sm3';
import { canonicalJson } from '../../center/rx/canonical-json';
import { type AuditHasher, hashedFields } from '../../domain/audit/audit-entry';

/** SM3 over the previous hash followed by the RFC 8785 canonical JSON of the entry. */
export const sm3AuditHasher: AuditHasher = (prevHash, entry) =>
  sm3Hex(prevHash + canonicalJson(hashedFields(entry)));
