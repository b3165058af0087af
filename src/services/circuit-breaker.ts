/**
 * When the center keeps failing (timeouts, refused connections, 5xx), stop hammering it: after
 * `threshold` failures in a row the circuit opens for a cooldown that doubles up to `maxMs`;
 * then one probe goes out (half-open), and an answer closes the circuit again. A business
 * refusal is an answer, so it counts as the center being reachable.
 */
export interface CircuitOptions {
  threshold: number;
  cooldownMs: number;
  maxCooldownMs: number;
}

export type CircuitState = 'closed' | 'open' | 'half-open';

export interface CircuitView {
  state: CircuitState;
  consecutiveFailures: number;
  /** When the next probe may go (open only). */
  retryAt: number | null;
}

export const DEFAULT_CIRCUIT: CircuitOptions = {
  threshold: 5,
  cooldownMs: 15_000,
  maxCooldownMs: 5 * 60_000,
};

export function createCircuitBreaker(opts: CircuitOptions = DEFAULT_CIRCUIT) {
  let failures = 0;
  let openUntil: number | null = null;
  let cooldown = opts.cooldownMs;

  function state(now: number): CircuitState {
    if (openUntil === null) return 'closed';
    return now < openUntil ? 'open' : 'half-open';
  }

  return {
    state,
    view(now: number): CircuitView {
      return {
        state: state(now),
        consecutiveFailures: failures,
        retryAt: openUntil !== null && now < openUntil ? openUntil : null,
      };
    },
    answered(): void {
      failures = 0;
      openUntil = null;
      cooldown = opts.cooldownMs;
    },
    failed(now: number): void {
      failures += 1;
      const current = state(now);
      if (current === 'open') return;
      if (current === 'half-open') {
        cooldown = Math.min(opts.maxCooldownMs, cooldown * 2);
        openUntil = now + cooldown;
      } else if (failures >= opts.threshold) {
        openUntil = now + cooldown;
      }
    },
    /** A person pressed "send now": probe at once instead of waiting out the cooldown. */
    probeNow(now: number): void {
      if (openUntil !== null) openUntil = now;
    },
  };
}

export type CircuitBreaker = ReturnType<typeof createCircuitBreaker>;
