import { z } from 'zod';

/**
 * The head office's configuration, from the environment (docs/store-server.md, "Beyond one
 * store"):
 *   HEAD_OFFICE_DATABASE_URL  postgres://… of the head-office database (required); the reports
 *                             read it in read-only transactions
 *   HEAD_OFFICE_READERS       who may read the reports over HTTP, "name:token,name:token"
 *                             (token ≥ 32 characters); required by `serve`
 *   HEAD_OFFICE_HOST / HEAD_OFFICE_PORT  the report server's address, default 127.0.0.1:7390
 */
export interface HeadOfficeConfig {
  databaseUrl: string;
  /** reader name → bearer token */
  readers: ReadonlyMap<string, string>;
  host: string;
  port: number;
}

const readerList = z
  .string()
  .default('')
  .transform((s, ctx) => {
    const map = new Map<string, string>();
    for (const item of s
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean)) {
      const at = item.indexOf(':');
      const name = at < 1 ? '' : item.slice(0, at);
      const token = item.slice(at + 1);
      if (at < 1 || !/^[A-Za-z0-9_-]{1,32}$/.test(name) || token.length < 32) {
        ctx.addIssue({
          code: 'custom',
          message: `读取者“${name || '（无名）'}”无效：名称为字母数字，令牌至少 32 个字符`,
        });
        return z.NEVER;
      }
      map.set(name, token);
    }
    return map;
  });

const envSchema = z.object({
  HEAD_OFFICE_DATABASE_URL: z
    .string({ error: '缺少 HEAD_OFFICE_DATABASE_URL' })
    .regex(/^postgres(ql)?:\/\//, '须为 postgres:// 连接串'),
  HEAD_OFFICE_READERS: readerList,
  HEAD_OFFICE_HOST: z.string().min(1).default('127.0.0.1'),
  HEAD_OFFICE_PORT: z.coerce.number().int().min(0).max(65535).default(7390),
});

export function headOfficeConfigFromEnv(env: NodeJS.ProcessEnv): HeadOfficeConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}：${i.message}`);
    throw new Error(`总部配置有误：\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    databaseUrl: e.HEAD_OFFICE_DATABASE_URL,
    readers: e.HEAD_OFFICE_READERS,
    host: e.HEAD_OFFICE_HOST,
    port: e.HEAD_OFFICE_PORT,
  };
}
