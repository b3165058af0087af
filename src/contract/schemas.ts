import { z } from 'zod';

/** Shared input schemas of the API contract. */

/** What a scanner or a keyboard gives us: printable ASCII only. */
export const scanText = z
  .string()
  .min(1)
  .max(512)
  .regex(/^[\x20-\x7e]+$/, '只接受可打印ASCII字符');

export const rxNo = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[0-9A-Za-z]+$/, '处方编号只含字母与数字');
