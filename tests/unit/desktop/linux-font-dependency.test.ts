import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBuilderConfig } from '../../../scripts/check-package';

const ROOT = path.resolve(import.meta.dirname, '../../..');

describe('Linux packages', () => {
  it('the deb depends on a CJK font (Noto CJK or WenQuanYi), so receipts and screens print Chinese [R-SETTLE]', () => {
    const config = readBuilderConfig(path.join(ROOT, 'electron-builder.yml')) as {
      deb?: { depends?: string[] };
    };
    const depends = config.deb?.depends ?? [];
    expect(depends).toContain('fonts-noto-cjk | fonts-wqy-zenhei');
    expect(depends).toEqual(expect.arrayContaining(['libgtk-3-0', 'libnss3', 'xdg-utils']));
  });
});
