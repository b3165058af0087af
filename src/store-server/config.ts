import { z } from 'zod';

/**
 * The store server's configuration, from the environment (docs/store-server.md, "Running"):
 *   STORE_DATABASE_URL  postgres://… of the pharmacy's PostgreSQL (required)
 *   STORE_INSTITUTION   the pharmacy's 12-character institution code (required; one server each)
 *   STORE_COUNTERS      registered counters, "id:secret,id:secret" (secret ≥ 32 characters)
 *   STORE_HOST          listen address, default 127.0.0.1 (a LAN address for real counters)
 *   STORE_PORT          listen port, default 7380 (0 picks a free one)
 *   STORE_RESERVATION_SECONDS  how long a scan holds a pack for its dispensing, default 1800
 */
export interface StoreServerConfig {
  databaseUrl: string;
  institution: string;
  counters: ReadonlyMap<string, string>;
  host: string;
  port: number;
  reservationSeconds: number;
}

const counterList = z
  .string({ error: '缺少 STORE_COUNTERS（柜台号:密钥,柜台号:密钥）' })
  .min(1, '至少登记一个柜台（STORE_COUNTERS=柜台号:密钥）')
  .transform((s, ctx) => {
    const map = new Map<string, string>();
    const items = s
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean);
    for (const [index, item] of items.entries()) {
      const at = item.indexOf(':');
      const id = at < 1 ? '' : item.slice(0, at);
      const secret = at < 1 ? '' : item.slice(at + 1);
      const idOk = /^[A-Za-z0-9_-]{1,32}$/.test(id);
      if (!idOk || secret.length < 32) {
        // never the entry itself: without its colon, it may be nothing but a secret
        const which = idOk ? `柜台 ${id}` : '柜台号无法识别';
        ctx.addIssue({
          code: 'custom',
          message: `第 ${index + 1} 个柜台登记（${which}）无效：格式为 柜台号:密钥，柜台号为字母数字，密钥至少 32 个字符`,
        });
        return z.NEVER;
      }
      map.set(id, secret);
    }
    return map;
  });

const envSchema = z.object({
  STORE_DATABASE_URL: z
    .string({ error: '缺少 STORE_DATABASE_URL' })
    .regex(/^postgres(ql)?:\/\//, '须为 postgres:// 连接串'),
  STORE_INSTITUTION: z
    .string({ error: '缺少 STORE_INSTITUTION' })
    .length(12, '定点机构编码须为 12 位'),
  STORE_COUNTERS: counterList,
  STORE_HOST: z.string().min(1).default('127.0.0.1'),
  STORE_PORT: z.coerce.number().int().min(0).max(65535).default(7380),
  STORE_RESERVATION_SECONDS: z.coerce.number().int().min(10).max(86_400).default(1800),
});

export function storeServerConfigFromEnv(env: NodeJS.ProcessEnv): StoreServerConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}：${i.message}`);
    throw new Error(`门店服务器配置有误：\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    databaseUrl: e.STORE_DATABASE_URL,
    institution: e.STORE_INSTITUTION,
    counters: e.STORE_COUNTERS,
    host: e.STORE_HOST,
    port: e.STORE_PORT,
    reservationSeconds: e.STORE_RESERVATION_SECONDS,
  };
}
