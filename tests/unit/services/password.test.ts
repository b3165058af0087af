import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../../src/services/password';

describe('password hashing (scrypt)', () => {
  it('verifies the right password and refuses a wrong one [ARCH]', async () => {
    const encoded = await hashPassword('demo1234');
    expect(encoded).toMatch(/^scrypt\$\d+\$\d+\$\d+\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(encoded).not.toContain('demo1234');
    expect(await verifyPassword('demo1234', encoded)).toBe(true);
    expect(await verifyPassword('demo1235', encoded)).toBe(false);
    expect(await verifyPassword('', encoded)).toBe(false);
  });

  it('salts every hash: the same password hashes differently [ARCH]', async () => {
    const [a, b] = await Promise.all([hashPassword('demo1234'), hashPassword('demo1234')]);
    expect(a).not.toBe(b);
    expect(a.split('$')[4]).not.toBe(b.split('$')[4]);
  });

  it('treats Chinese passwords the same whichever Unicode form the keyboard sent [ARCH]', async () => {
    const encoded = await hashPassword('药师\u00e9');
    expect(await verifyPassword('药师e\u0301', encoded)).toBe(true);
  });

  it('refuses a tampered or malformed hash without throwing [ARCH]', async () => {
    const encoded = await hashPassword('demo1234');
    const parts = encoded.split('$');
    const flip = (s: string) => (s[0] === 'A' ? `B${s.slice(1)}` : `A${s.slice(1)}`);
    const tampered = [
      [...parts.slice(0, 5), flip(parts[5] ?? '')].join('$'), // hash changed
      [...parts.slice(0, 4), flip(parts[4] ?? ''), parts[5]].join('$'), // salt changed
      ['scrypt', '16384', ...parts.slice(2)].join('$'), // cost lowered
      ['scrypt', String(2 ** 24), ...parts.slice(2)].join('$'), // memory bomb
      ['scrypt', parts[1], '8', '64', parts[4], parts[5]].join('$'), // CPU bomb
      ['bcrypt', ...parts.slice(1)].join('$'),
      parts.slice(0, 5).join('$'),
      'demo1234',
      '',
      `${encoded}$extra`,
      encoded.replace(/=+$/, '!'),
    ];
    for (const t of tampered) expect(await verifyPassword('demo1234', t), t).toBe(false);
  });

  it('refuses to hash an empty password [ARCH]', async () => {
    await expect(hashPassword('')).rejects.toThrow(/密码不能为空/);
  });
});
