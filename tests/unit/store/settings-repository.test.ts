import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/store/database';
import { SettingsRepository } from '../../../src/store/settings-repository';

describe('SettingsRepository', () => {
  it('stores JSON values by key and overwrites them [ARCH]', () => {
    const settings = new SettingsRepository(openDatabase(':memory:'));
    expect(settings.get('center')).toBeUndefined();
    settings.set('center', { url: 'http://127.0.0.1:1', retries: 3, names: ['药店'] });
    expect(settings.get<{ url: string }>('center')).toEqual({
      url: 'http://127.0.0.1:1',
      retries: 3,
      names: ['药店'],
    });
    settings.set('center', null);
    expect(settings.get('center')).toBeNull();
    settings.set('flag', false);
    expect(settings.get('flag')).toBe(false);
    expect(settings.delete('flag')).toBe(true);
    expect(settings.get('flag')).toBeUndefined();
  });

  it('refuses a value that is not JSON and keeps the old one [ARCH]', () => {
    const settings = new SettingsRepository(openDatabase(':memory:'));
    settings.set('k', 1);
    expect(() => settings.set('k', undefined)).toThrow(/无法保存/);
    expect(() => settings.set('k', () => 1)).toThrow(/无法保存/);
    expect(settings.get('k')).toBe(1);
  });
});
