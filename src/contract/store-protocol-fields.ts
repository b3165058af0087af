import { z } from 'zod';

/** Every store mutation's idempotency key (store-protocol.ts): a retry with it gets the first answer. */
export const idempotencyKey = z
  .string()
  .min(8)
  .max(128)
  .regex(/^[A-Za-z0-9:._-]+$/);
