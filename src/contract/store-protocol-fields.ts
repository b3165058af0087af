import { z } from 'zod';

/** Every store mutation's idempotency key (store-protocol.ts): a retry with it gets the first answer. */
export const idempotencyKey = z
  .string()
  .min(8)
  .max(128)
  .regex(/^[A-Za-z0-9:._-]+$/);

export const packCode = z
  .string()
  .min(4)
  .max(64)
  .regex(/^[\x21-\x7e]+$/, '追溯码只含可打印ASCII字符');
export const medListCodg = z.string().min(1).max(50);
/** The counter's own reference of the dispensing or sale (its local id), unique per counter. */
export const saleRef = z.string().min(1).max(64);

export const confirmLine = z
  .object({
    code: packCode,
    medListCodg,
    /** 拆零: units a pack holds and units left after this sale; null for a whole pack. */
    unitsPerPack: z.number().int().positive().nullable(),
    unitsLeft: z.number().int().nonnegative().nullable(),
    /** Units taken from a pack this counter opened earlier (续用已拆零包装). */
    reusedUnits: z.number().int().positive().nullable(),
  })
  .strict();
