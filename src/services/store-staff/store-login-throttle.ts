import { randomUUID } from 'node:crypto';
import type { StoreClient } from '../../store-link/store-client';
import type { StoreLoginThrottle } from '../auth-service';
import type { Logger } from '../logger';

/**
 * A counter of a store counts its log-in attempts at the store server (D57), so a lock-out at
 * one counter holds at every counter. While the store cannot be reached the answer is null and
 * the counter's own lock-out alone applies.
 */
export function storeLoginThrottle(link: StoreClient, log: Logger): StoreLoginThrottle {
  return {
    async attempt(username, accepted) {
      try {
        return await link.call('login.attempt', {
          idempotencyKey: `login-${link.counterId}-${randomUUID()}`,
          username,
          accepted,
        });
      } catch (e) {
        log.warn('auth.login.storeUnreachable', { username, error: (e as Error).message });
        return null;
      }
    },
  };
}
