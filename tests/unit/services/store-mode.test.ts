import { describe, expect, it } from 'vitest';
import { storeModeFromEnv } from '../../../src/services/store-mode';

describe('store mode from the environment', () => {
  it('is a single counter when nothing is set, as before issue 17 [STORE-MODE]', () => {
    expect(storeModeFromEnv({})).toEqual({ mode: 'single' });
  });

  it('is a counter of a store with all three variables [STORE-MODE]', () => {
    const secret = 's'.repeat(40);
    expect(
      storeModeFromEnv({
        EPC_STORE_URL: 'http://192.168.1.10:7380/',
        EPC_STORE_COUNTER: 'A',
        EPC_STORE_SECRET: secret,
      }),
    ).toEqual({ mode: 'counter', url: 'http://192.168.1.10:7380', counterId: 'A', secret });
  });

  it('refuses a half configuration in Chinese rather than silently running alone [STORE-MODE]', () => {
    expect(() => storeModeFromEnv({ EPC_STORE_URL: 'http://127.0.0.1:7380' })).toThrow(
      /EPC_STORE_COUNTER/,
    );
    expect(() =>
      storeModeFromEnv({
        EPC_STORE_URL: 'http://127.0.0.1:7380',
        EPC_STORE_COUNTER: 'A',
        EPC_STORE_SECRET: 'short',
      }),
    ).toThrow(/至少 32 个字符/);
  });
});
