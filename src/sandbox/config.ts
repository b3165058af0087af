import { readFileSync } from 'node:fs';
import { z } from 'zod';
import embedded from '../../config/sandbox.json' with { type: 'json' };

/** config/sandbox.json: the sandbox's public test credentials (documented in docs/sandbox.md). */
const keyPair = z.object({ privateKey: z.string().min(1), publicKey: z.string().min(1) });
const institution = z.object({
  fixmedinsCode: z.string().length(12),
  fixmedinsName: z.string().min(1),
  admdvs: z.string().regex(/^\d{6}$/),
});

/** Another hospital with its own EPC app (one app = one institution, as on the platform). */
const hospitalApp = institution.extend({
  appId: z.string().min(16),
  appSecret: z.string().min(1),
  appKeys: keyPair,
});

const schema = z.object({
  fsi: z.object({
    path: z.string().startsWith('/'),
    paasid: z.string().min(1),
    paasToken: z.string().min(1),
    timestampSkewSeconds: z.number().int().positive().default(300),
    centerAdmdvs: z
      .string()
      .regex(/^\d{6}$/)
      .default('500000'),
    signInValidHours: z.number().positive().default(24),
  }),
  epc: z.object({
    pathPrefix: z.string().startsWith('/').endsWith('/'),
    appId: z.string().min(16),
    appSecret: z.string().min(1),
    sm2UserId: z.string().default('1234567812345678'),
    /** center-protocol §2 freshness window; repeats are refused within twice this. */
    timestampWindowSeconds: z.number().int().positive().default(300),
    platformKeys: keyPair,
    appKeys: keyPair,
    hospital: institution.default({
      fixmedinsCode: 'H50010300001',
      fixmedinsName: '沙箱示范医院（渝中）',
      admdvs: '500103',
    }),
    hospitals: z.array(hospitalApp).default([]),
  }),
  /** The sandbox CA that issues institution signing certificates (public test key). */
  ca: z.object({
    certificate: z.string().includes('BEGIN CERTIFICATE'),
    privateKey: z.string().min(1),
    publicKey: z.string().min(1),
    crlValidHours: z.number().positive().default(168),
    institutionCertYears: z.number().int().positive().default(5),
  }),
  pharmacy: institution.extend({ devNo: z.string().min(1) }),
});

export type SandboxConfig = z.infer<typeof schema>;

/** Reads the credential file, or the copy built into the program when none is given. */
export function loadSandboxConfig(file?: string): SandboxConfig {
  const raw: unknown = file ? JSON.parse(readFileSync(file, 'utf8')) : embedded;
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    throw new Error(
      `沙箱配置文件无效${file ? `（${file}）` : ''}：${z.prettifyError(parsed.error)}`,
    );
  }
  return parsed.data;
}
