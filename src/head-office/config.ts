import { z } from 'zod';

/**
 * The head office's configuration, from the environment (docs/store-server.md, "Beyond one
 * store"):
 *   HEAD_OFFICE_DATABASE_URL  postgres://… of the head-office database (required); the reports
 *                             read it in read-only transactions
 */
export interface HeadOfficeConfig {
  databaseUrl: string;
}

const envSchema = z.object({
  HEAD_OFFICE_DATABASE_URL: z
    .string({ error: '缺少 HEAD_OFFICE_DATABASE_URL' })
    .regex(/^postgres(ql)?:\/\//, '须为 postgres:// 连接串'),
});

export function headOfficeConfigFromEnv(env: NodeJS.ProcessEnv): HeadOfficeConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}：${i.message}`);
    throw new Error(`总部配置有误：\n${lines.join('\n')}`);
  }
  return { databaseUrl: parsed.data.HEAD_OFFICE_DATABASE_URL };
}
