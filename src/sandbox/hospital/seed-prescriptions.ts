import type { SandboxConfig } from '../config';
import type { SandboxDb } from '../db';
import {
  type CreatedPrescription,
  createPrescription,
  revokePrescription,
} from './create-prescription';
import { DEMO_PRESCRIPTIONS } from './demo-prescriptions';

const SEEDED_KEY = 'demo_rx_seeded';

/**
 * First start only: the demo prescriptions, created over HTTP through the sandbox's own
 * e-prescription center (the real path), one after the other (their order fixes the trace
 * codes). Returns how many were created; 0 when the database already has them.
 */
export async function seedDemoPrescriptions(
  db: SandboxDb,
  config: SandboxConfig,
  baseUrl: string,
): Promise<CreatedPrescription[]> {
  if (db.prepare('SELECT 1 FROM meta WHERE key = ?').get(SEEDED_KEY)) return [];
  const created: CreatedPrescription[] = [];
  for (const demo of DEMO_PRESCRIPTIONS) {
    const rx = await createPrescription({ baseUrl, config }, demo.order);
    if (demo.revoke) {
      await revokePrescription({ baseUrl, config }, { ...rx, reason: '演示：医师撤销处方' });
    }
    created.push(rx);
  }
  db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run(SEEDED_KEY, String(Date.now()));
  return created;
}
