import { randomInt } from 'node:crypto';

const SPAN = 1_000_000;

/**
 * Six-digit suffixes for a sandbox hospital's own numbers (hospRxno, mdtrtId) after a
 * second-precision time. A random start plus a per-process count: prescriptions made in the
 * same second never share a hospRxno, which the center refuses as a conflicting pre-check
 * (a random suffix alone collided in CI).
 */
export function createHospitalSerial(start: number = randomInt(SPAN)): () => string {
  let current = start % SPAN;
  return () => {
    current = (current + 1) % SPAN;
    return String(current).padStart(6, '0');
  };
}

export const nextHospitalSerial = createHospitalSerial();
