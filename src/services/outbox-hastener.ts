/**
 * Lets a service ask the outbox to send now without depending on the worker, which is built
 * after the business areas (app-services.ts binds it once the worker exists).
 */
export interface OutboxHastener {
  bind(sendNow: () => Promise<unknown>): void;
  /** Resolves when that send is over (delivered or not). */
  hasten(): Promise<void>;
}

export function createOutboxHastener(): OutboxHastener {
  let sendNow: (() => Promise<unknown>) | null = null;
  return {
    bind(fn) {
      sendNow = fn;
    },
    async hasten() {
      // A failed send stays in the queue with its error; the caller only waits for the outcome.
      await sendNow?.().catch(() => undefined);
    },
  };
}
