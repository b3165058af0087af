import { z } from 'zod';
import { idempotencyKey } from './store-protocol-fields';
import type { RxClaimAnswer, RxHeldAnswer, RxReleaseAnswer } from './types-store-rx';

export const hiRxno = z.string().min(1).max(64);

/**
 * Prescription claims at the store server (issue 17, R-STATUS): a downloaded prescription is
 * dispensed at one counter only. Claimed when its dispensing starts, released when the counter
 * cancels or undoes it, kept once settled (docs/store-server.md, "Prescription claims").
 */
export const storeRxProtocol = {
  /** Hold the prescription for this counter, or be told which counter holds it. */
  'rx.claim': {
    input: z.object({ idempotencyKey, hiRxno }).strict(),
    output: {} as RxClaimAnswer,
    mutates: true,
  },
  /** This counter cancelled or undid the dispensing: another counter may take it. */
  'rx.release': {
    input: z.object({ idempotencyKey, hiRxno }).strict(),
    output: {} as RxReleaseAnswer,
    mutates: true,
  },
  /** The prescriptions this counter holds and has not settled, oldest first (at most 500). */
  'rx.held': {
    input: z.object({}).strict(),
    output: {} as RxHeldAnswer,
    mutates: false,
  },
} as const;
