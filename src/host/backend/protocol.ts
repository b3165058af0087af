import { z } from 'zod';
import type { ApiResult } from '../../contract/types';
import type { AppErrorShape } from '../../domain/errors';

/**
 * The messages between the desktop shell's main process (the parent) and the backend process
 * that runs the counter's services (the child). Both sides parse what they receive with these
 * schemas: a malformed message is refused, never acted on.
 */

/** What the shell itself (not the renderer) asks the services: window close, printing, updates. */
export const HOST_QUESTIONS = [
  'pendingWork',
  'printSettings',
  'updateFeed',
  'lastUpdateCheck',
  'setLastUpdateCheck',
] as const;
export type HostQuestion = (typeof HOST_QUESTIONS)[number];

const id = z.number().int().nonnegative();

/** Parent → child. `token` is the session the renderer holds (the session context). */
export const toBackendMessage = z.discriminatedUnion('type', [
  z
    .object({
      type: z.literal('call'),
      id,
      method: z
        .string()
        .regex(/^[a-z]+\.[a-zA-Z]+$/)
        .max(64),
      params: z.unknown(),
      token: z.string().max(256).nullable(),
    })
    .strict(),
  z
    .object({
      type: z.literal('ask'),
      id,
      question: z.enum(HOST_QUESTIONS),
      value: z.number().optional(),
    })
    .strict(),
  z
    .object({
      type: z.literal('sandbox'),
      id,
      url: z.string().url().optional(),
      error: z.string().optional(),
    })
    .strict(),
  z.object({ type: z.literal('shutdown') }).strict(),
]);
export type ToBackend = z.infer<typeof toBackendMessage>;

const errorShape = z.object({ code: z.string(), message: z.string() }).passthrough();
const result = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }).strict(),
  z.object({ ok: z.literal(false), error: errorShape }).strict(),
]);

/** Child → parent: answers, and the lifecycle of the backend. */
export const fromBackendMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('result'), id, result }).strict(),
  z.object({ type: z.literal('answer'), id, result }).strict(),
  z.object({ type: z.literal('ready'), mode: z.enum(['setup', 'demo', 'real']) }).strict(),
  z.object({ type: z.literal('start-sandbox'), id }).strict(),
  z.object({ type: z.literal('shutting-down') }).strict(),
  z.object({ type: z.literal('restart-for-restore') }).strict(),
  z
    .object({ type: z.literal('fatal'), reason: z.enum(['locked', 'start']), message: z.string() })
    .strict(),
  /** A message from the parent the child could not read (no id to answer it by). */
  z.object({ type: z.literal('refused'), message: z.string() }).strict(),
]);
export type FromBackend = z.infer<typeof fromBackendMessage>;

export const refusal = (code: AppErrorShape['code'], message: string): ApiResult<never> => ({
  ok: false,
  error: { code, message },
});

export const MALFORMED_MESSAGE = '后台消息格式不合法，已拒绝';

/** The backend process's options, as JSON in this environment variable. */
export const BACKEND_OPTIONS_ENV = 'EPC_BACKEND';
export const backendOptions = z
  .object({
    dataDir: z.string().min(1),
    version: z.string().min(1),
    /** The sandbox's settings file (the packaged app's resources; the project's by default). */
    sandboxConfigFile: z.string().optional(),
    /** better-sqlite3 built for Electron (D35). */
    nativeBinding: z.string().optional(),
  })
  .strict();
export type BackendOptions = z.infer<typeof backendOptions>;
