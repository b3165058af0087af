import { describe, expect, it } from 'vitest';
import { storeServerConfigFromEnv } from '../../../src/store-server/config';

const SECRET = 'k3J9vQ2mX7pL0sT5wY8zA1bC4dE6fG9h';
const base = {
  STORE_DATABASE_URL: 'postgres://127.0.0.1:5432/store',
  STORE_INSTITUTION: 'P50010300001',
};

const refusal = (counters: string) => {
  try {
    storeServerConfigFromEnv({ ...base, STORE_COUNTERS: counters });
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error('accepted');
};

describe('the store server’s counter list', () => {
  it('takes id:secret pairs [R-AUTH]', () => {
    const config = storeServerConfigFromEnv({
      ...base,
      STORE_COUNTERS: `A:${SECRET},B:${SECRET}x`,
    });
    expect([...config.counters.keys()]).toEqual(['A', 'B']);
  });

  it('a malformed entry is named by its place, never echoed: a secret without its id stays out of the message [R-AUTH]', () => {
    for (const counters of [
      `A:${SECRET},${SECRET}`,
      `A:${SECRET},B${SECRET}`,
      `A:${SECRET},B:short`,
    ]) {
      const message = refusal(counters);
      expect(message).toContain('第 2 个柜台登记');
      expect(message).not.toContain(SECRET.slice(0, 12));
      expect(message).not.toContain('short');
    }
    expect(refusal(`A:${SECRET},B:short`)).toContain('柜台 B');
  });
});
