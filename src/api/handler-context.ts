import type { z } from 'zod';
import type { AuthenticatedSession } from '../services/auth-service';

export interface HandlerContext {
  token: string | null;
  /** Present for methods whose contract says auth: true. */
  session: AuthenticatedSession | null;
}

/** Handlers of one area's contract (see contract-*.ts and handlers-*.ts). */
export type HandlersFor<C extends Record<string, { input: z.ZodType; output: unknown }>> = {
  [M in keyof C]: (
    input: z.output<C[M]['input']>,
    ctx: HandlerContext,
  ) => Promise<C[M]['output']> | C[M]['output'];
};

export const must = (ctx: HandlerContext): AuthenticatedSession => {
  if (!ctx.session) throw new Error('handler called without a session');
  return ctx.session;
};
