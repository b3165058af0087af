import { createCrl } from '../../center/x509';
import type { SandboxConfig } from '../config';
import { nextCounter, type SandboxDb } from '../db';
import { revokedCerts } from './institution-certs';
import { sandboxCa } from './sandbox-ca';

const META_DER = 'ca_crl_der';
const META_THIS_UPDATE = 'ca_crl_this_update';

/**
 * The CA's current CRL (DER). Re-signed when a certificate is revoked and when half of its
 * validity has passed, so a client always gets a fresh one. Real time, not the sandbox clock.
 */
export function currentCrl(db: SandboxDb, config: SandboxConfig, nowMs = Date.now()): Buffer {
  const der = meta(db, META_DER);
  const thisUpdate = Number(meta(db, META_THIS_UPDATE) ?? 0);
  const halfLife = (config.ca.crlValidHours * 3600_000) / 2;
  if (der && nowMs - thisUpdate < halfLife) return Buffer.from(der, 'base64');
  return resignCrl(db, config, nowMs);
}

/** Signs a new CRL listing every revoked institution certificate. */
export function resignCrl(db: SandboxDb, config: SandboxConfig, nowMs = Date.now()): Buffer {
  const ca = sandboxCa(config);
  const previous = Number(meta(db, META_THIS_UPDATE) ?? 0);
  // CRL times have whole seconds; a newer CRL must have a later thisUpdate than the last one.
  const thisUpdateMs = Math.max(Math.floor(nowMs / 1000) * 1000, previous + 1000);
  const thisUpdate = new Date(thisUpdateMs);
  const der = createCrl({
    issuer: ca.cert,
    privateKey: ca.privateKey,
    thisUpdate,
    nextUpdate: new Date(thisUpdateMs + config.ca.crlValidHours * 3600_000),
    revoked: revokedCerts(db).map((c) => ({
      serialHex: c.serial_hex,
      revokedAt: new Date(c.revoked_at ?? thisUpdateMs),
      ...(c.revoke_reason ? { reason: c.revoke_reason } : {}),
    })),
    crlNumber: nextCounter(db, 'crl_number'),
  });
  const put = db.prepare(
    'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  );
  put.run(META_DER, der.toString('base64'));
  put.run(META_THIS_UPDATE, String(thisUpdateMs));
  return der;
}

function meta(db: SandboxDb, key: string): string | undefined {
  return (
    db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined
  )?.value;
}
