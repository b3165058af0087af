import { describe, expect, it } from 'vitest';
import { headOfficeConfigFromEnv } from '../../../src/head-office/config';

const DB = 'postgres://postgres@127.0.0.1:5432/head_office';
const TOKEN = `${'t'.repeat(20)}0123456789abcdef`;

describe('head-office configuration', () => {
  it('reads the report readers and defaults to loopback [R-AUTH]', () => {
    const c = headOfficeConfigFromEnv({
      HEAD_OFFICE_DATABASE_URL: DB,
      HEAD_OFFICE_READERS: `finance:${TOKEN}, audit:${TOKEN}x`,
    });
    expect([...c.readers]).toEqual([
      ['finance', TOKEN],
      ['audit', `${TOKEN}x`],
    ]);
    expect(c).toMatchObject({ databaseUrl: DB, host: '127.0.0.1', port: 7390 });
  });

  it('refuses a short token or a reader without a name, in Chinese, never repeating the token [R-AUTH]', () => {
    const refusal = (readers: string) => {
      try {
        headOfficeConfigFromEnv({ HEAD_OFFICE_DATABASE_URL: DB, HEAD_OFFICE_READERS: readers });
      } catch (e) {
        return (e as Error).message;
      }
      throw new Error('未被拒绝');
    };
    const short = refusal('finance:short-token-value');
    expect(short).toContain('读取者“finance”无效');
    expect(short).not.toContain('short-token-value');
    const nameless = refusal(TOKEN);
    expect(nameless).toContain('令牌至少 32 个字符');
    expect(nameless).not.toContain(TOKEN.slice(0, 20));
  });

  it('requires the head-office database [R-RECON]', () => {
    expect(() => headOfficeConfigFromEnv({})).toThrow('缺少 HEAD_OFFICE_DATABASE_URL');
  });
});
