import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { FsiConfig } from '../center/fsi-client';
import { institutionCodeProblem } from '../domain/national-codes';
import { PROJECT_ROOT, SANDBOX_CONFIG_FILE } from './project-paths';
import { type StoreMode, storedStoreMode } from './store-mode';

/** Credentials and endpoints of the center, as a real deployment configures them. */
export const centerFileSchema = z.object({
  fsi: z.object({
    baseUrl: z.string().url(),
    path: z.string().startsWith('/').default('/fsi/api/rsfComIfsService/callService'),
    paasid: z.string().min(1),
    paasToken: z.string().min(1),
    timeoutMs: z.number().int().positive().default(15_000),
  }),
  epc: z.object({
    baseUrl: z.string().url(),
    pathPrefix: z.string().default('/epc/api/fixmedins/'),
    appId: z.string().min(16),
    appSecret: z.string().min(1),
    privateKey: z.string().min(1),
    platformPublicKey: z.string().min(1),
    sm2UserId: z.string().default('1234567812345678'),
  }),
  trust: z.object({
    /** The region's medical-insurance CA certificate(s), PEM or DER (R-SIGN). */
    caFiles: z.array(z.string().min(1)).min(1),
    /** Where the center publishes the CA's revocation list. */
    crlUrl: z.string().url().nullable().default(null),
  }),
  /** Region policy pack id (config/policy/<id>.json); the administrator may change it. */
  region: z.string().min(1).optional(),
  pharmacy: z.object({
    fixmedinsCode: z.string().superRefine((code, ctx) => {
      const problem = institutionCodeProblem(code);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
    fixmedinsName: z.string().min(1),
    admdvs: z.string().regex(/^\d{6}$/, '应为 6 位数字的医保区划代码'),
    devNo: z.string().min(1),
  }),
});

export type CenterFile = z.infer<typeof centerFileSchema>;

/** The sandbox's own credential file (config/sandbox.json), documented in docs/sandbox.md. */
const sandboxFileSchema = z.object({
  fsi: z.object({ path: z.string(), paasid: z.string(), paasToken: z.string() }),
  epc: z.object({
    pathPrefix: z.string(),
    appId: z.string(),
    appSecret: z.string(),
    sm2UserId: z.string(),
    platformKeys: z.object({ privateKey: z.string(), publicKey: z.string() }),
    appKeys: z.object({ privateKey: z.string(), publicKey: z.string() }),
  }),
  pharmacy: z.object({
    fixmedinsCode: z.string(),
    fixmedinsName: z.string(),
    admdvs: z.string(),
    devNo: z.string(),
  }),
});

export interface EpcSettings {
  baseUrl: string;
  pathPrefix: string;
  appId: string;
  appSecret: string;
  privateKey: string;
  platformPublicKey: string;
  sm2UserId: string;
}

export interface AppConfig {
  mode: 'desktop' | 'browser';
  version: string;
  dataDir: string;
  sandbox: boolean;
  fsi: FsiConfig;
  epc: EpcSettings;
  pharmacy: { code: string; name: string; admdvs: string };
  /** Path of a better-sqlite3 binary built for Electron's ABI (desktop mode only). */
  nativeBinding?: string;
  /** Trust store of prescription signatures (R-SIGN): CA files, CRL source, CRL cache folder. */
  trust: { caFiles: string[]; crlUrl: string | null; crlDir: string };
  /** Region policy packs (data) and the region used until an administrator picks one. */
  policyDir: string;
  defaultRegion: string | null;
  catalogFile: string;
  /** Single counter (default) or a counter of a store with its store server (issue 17). */
  store: StoreMode;
}

export { PROJECT_ROOT, SANDBOX_CONFIG_FILE };
/** The sandbox CA: the trust anchor of the sandbox's institution certificates. */
export const SANDBOX_CA_FILE = path.join(PROJECT_ROOT, 'config/sandbox-ca.pem');

export interface ConfigSources {
  mode: 'desktop' | 'browser';
  version: string;
  dataDir: string;
  /** A real center's configuration file; when absent the embedded sandbox is used. */
  centerConfigFile?: string | undefined;
  /** Base URL of the running sandbox center (required when centerConfigFile is absent). */
  sandboxUrl?: string | undefined;
  sandboxConfigFile?: string;
  nativeBinding?: string;
  /** Set by the environment (EPC_STORE_*); absent: the data folder's record, else a single counter. */
  store?: StoreMode;
}

export function loadConfig(src: ConfigSources): AppConfig {
  const base = {
    mode: src.mode,
    version: src.version,
    dataDir: src.dataDir,
    nativeBinding: src.nativeBinding,
    policyDir: path.join(PROJECT_ROOT, 'config/policy'),
    catalogFile: path.join(PROJECT_ROOT, 'config/catalog/drugs.json'),
    // The environment's choice, else the wizard's record in the data folder, else a single counter.
    store: src.store ?? storedStoreMode(src.dataDir) ?? { mode: 'single' as const },
  };
  const crlDir = crlDirOf(src.dataDir);
  if (src.centerConfigFile) {
    const c = centerFileSchema.parse(readJson(src.centerConfigFile));
    return { ...base, ...realCenterOf(c, path.dirname(src.centerConfigFile), crlDir) };
  }
  if (!src.sandboxUrl) throw new Error('未配置医保中心，且沙箱中心地址缺失');
  const s = sandboxFileSchema.parse(readJson(src.sandboxConfigFile ?? SANDBOX_CONFIG_FILE));
  return {
    ...base,
    sandbox: true,
    fsi: {
      baseUrl: src.sandboxUrl,
      path: s.fsi.path,
      paasid: s.fsi.paasid,
      paasToken: s.fsi.paasToken,
      fixmedinsCode: s.pharmacy.fixmedinsCode,
      fixmedinsName: s.pharmacy.fixmedinsName,
      mdtrtareaAdmvs: s.pharmacy.admdvs,
      devNo: s.pharmacy.devNo,
      timeoutMs: 10_000,
    },
    epc: {
      baseUrl: src.sandboxUrl,
      pathPrefix: s.epc.pathPrefix,
      appId: s.epc.appId,
      appSecret: s.epc.appSecret,
      privateKey: s.epc.appKeys.privateKey,
      platformPublicKey: s.epc.platformKeys.publicKey,
      sm2UserId: s.epc.sm2UserId,
    },
    trust: {
      caFiles: [SANDBOX_CA_FILE],
      crlUrl: `${src.sandboxUrl.replace(/\/+$/, '')}/epc/api/x/crl`,
      crlDir,
    },
    defaultRegion: null,
    pharmacy: {
      code: s.pharmacy.fixmedinsCode,
      name: s.pharmacy.fixmedinsName,
      admdvs: s.pharmacy.admdvs,
    },
  };
}

/**
 * The center part of the configuration from a center file; CA files are relative to `baseDir`
 * (the file's folder). Also what the set-up wizard tests before it stores the file.
 */
export function realCenterOf(
  c: CenterFile,
  baseDir: string,
  crlDir: string,
): Pick<AppConfig, 'sandbox' | 'fsi' | 'epc' | 'trust' | 'defaultRegion' | 'pharmacy'> {
  return {
    sandbox: false,
    fsi: {
      baseUrl: c.fsi.baseUrl,
      path: c.fsi.path,
      paasid: c.fsi.paasid,
      paasToken: c.fsi.paasToken,
      fixmedinsCode: c.pharmacy.fixmedinsCode,
      fixmedinsName: c.pharmacy.fixmedinsName,
      mdtrtareaAdmvs: c.pharmacy.admdvs,
      devNo: c.pharmacy.devNo,
      timeoutMs: c.fsi.timeoutMs,
    },
    epc: c.epc,
    trust: {
      caFiles: c.trust.caFiles.map((f) => path.resolve(baseDir, f)),
      crlUrl: c.trust.crlUrl,
      crlDir,
    },
    defaultRegion: c.region ?? null,
    pharmacy: {
      code: c.pharmacy.fixmedinsCode,
      name: c.pharmacy.fixmedinsName,
      admdvs: c.pharmacy.admdvs,
    },
  };
}

export const crlDirOf = (dataDir: string) => path.join(dataDir, 'trust/crl');

function readJson(file: string): unknown {
  return JSON.parse(readFileSync(file, 'utf8'));
}
