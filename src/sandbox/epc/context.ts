import type { SandboxConfig } from '../config';
import type { SandboxDb } from '../db';

/** An application registered with the e-prescription center (one per hospital). */
export interface EpcApp {
  appId: string;
  appSecret: string;
  /** Verifies the app's requests. */
  publicKey: string;
  fixmedinsCode: string;
  fixmedinsName: string;
  admdvs: string;
}

export interface EpcContext {
  db: SandboxDb;
  config: SandboxConfig;
  now: Date;
  app: EpcApp;
  data: Record<string, unknown>;
  /** The 'unchecked-signers' fault: skip the check that physician and pharmacist signed. */
  uncheckedSigners?: boolean;
}

/** One interface of POST {epc.pathPrefix}<name>; runs inside a database transaction. */
export type EpcRoute = (ctx: EpcContext) => unknown;
