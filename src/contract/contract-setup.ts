import { z } from 'zod';
import { audited, reads } from './method-policy';
import type {
  CenterConfigSummary,
  ConnectionReport,
  SetupDone,
  SetupStatus,
  StoreLinkChoice,
} from './types-setup';

/** A configuration file and a few CA certificates; nothing near the 256 KB default is needed. */
const SETUP_IMPORT_MAX_BYTES = 2 * 1024 * 1024;

const caFileInput = z
  .object({
    name: z.string().trim().min(1).max(128),
    /** The file's bytes in base64 (PEM or DER). */
    contentBase64: z
      .string()
      .min(1)
      .max(512 * 1024),
  })
  .strict();

/**
 * First-run set-up (issue 14): answered only while the data folder has no configuration,
 * before any staff exists, so no session. Once set up, every method but status is refused.
 */
export const setupContract = {
  'setup.status': {
    input: z.object({}).strict(),
    output: {} as SetupStatus,
    auth: false,
    ...reads,
  },
  'setup.importCenterConfig': {
    input: z
      .object({
        /** The center configuration file's text (JSON, see centerFileSchema). */
        configText: z
          .string()
          .min(2)
          .max(256 * 1024),
        caFiles: z.array(caFileInput).min(1).max(8),
      })
      .strict(),
    output: {} as CenterConfigSummary,
    auth: false,
    mutates: true,
    maxRequestBytes: SETUP_IMPORT_MAX_BYTES,
    audit: audited('setup.importConfig', { detail: { output: ['fsiUrl', 'epcUrl'] } }),
  },
  'setup.testConnection': {
    input: z.object({}).strict(),
    output: {} as ConnectionReport,
    auth: false,
    mutates: true,
    audit: audited('setup.testConnection', { detail: { output: ['allOk'] } }),
  },
  'setup.createFirstAdmin': {
    input: z
      .object({
        username: z.string().trim().min(1).max(64),
        displayName: z.string().trim().min(1).max(64),
        password: z.string().min(1).max(256),
      })
      .strict(),
    output: {} as { username: string },
    auth: false,
    mutates: true,
    audit: audited('setup.firstAdmin', { detail: { input: ['username'] } }),
  },
  /**
   * 单柜台 or 门店柜台 (issue 17): a counter of a store is recorded in the data folder once its
   * store server answered (store.status); the EPC_STORE_* variables still override it.
   */
  'setup.storeLink': {
    input: z.discriminatedUnion('mode', [
      z.object({ mode: z.literal('single') }).strict(),
      z
        .object({
          mode: z.literal('counter'),
          url: z.string().trim().min(1).max(200),
          counterId: z.string().trim().min(1).max(32),
          secret: z.string().min(1).max(256),
        })
        .strict(),
    ]),
    output: {} as StoreLinkChoice,
    auth: false,
    mutates: true,
    audit: audited('setup.storeLink', { detail: { input: ['mode', 'counterId'] } }),
  },
  'setup.chooseDemo': {
    input: z.object({}).strict(),
    output: {} as SetupDone,
    auth: false,
    mutates: true,
    audit: audited('setup.chooseDemo', { detail: { output: ['mode'] } }),
  },
  'setup.finish': {
    input: z.object({}).strict(),
    output: {} as SetupDone,
    auth: false,
    mutates: true,
    audit: audited('setup.finish', { detail: { output: ['mode'] } }),
  },
} as const;
