import { z } from 'zod';
import { idempotencyKey } from './store-protocol-fields';

/** The store's answer to one log-in attempt: how long the name stays locked (null: not locked). */
export interface LoginAttemptAnswer {
  lockedForMs: number | null;
  failures: number;
}

/**
 * Log-in lock-outs counted store-wide (issue 17, D57, docs/store-server.md "Staff and shifts"):
 * a guesser who moves from counter A to counter B keeps counting towards the same lock-out.
 */
export const storeLoginProtocol = {
  /**
   * One log-in attempt at this counter under a user name (any case): `accepted` when the counter
   * found the password right for an active account and no lock of its own. A refused attempt
   * counts towards the lock-out; an accepted one clears the count unless the name is locked.
   */
  'login.attempt': {
    input: z
      .object({ idempotencyKey, username: z.string().min(1).max(64), accepted: z.boolean() })
      .strict(),
    output: {} as LoginAttemptAnswer,
    mutates: true,
  },
} as const;
