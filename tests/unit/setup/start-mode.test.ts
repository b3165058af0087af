import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { markDemoFolder, resolveStartMode } from '../../../src/services/setup/data-folder-mode';

const folder = () => path.join(mkdtempSync(path.join(os.tmpdir(), 'epc-mode-')), 'app');

describe('which center a data folder starts with', () => {
  it('an empty folder opens the wizard unless demo is asked for explicitly (npm start) [R-CENTER]', () => {
    const dir = folder();
    expect(resolveStartMode({}, dir)).toEqual({ kind: 'setup' });
    expect(resolveStartMode({ EPC_MODE: 'setup' }, dir)).toEqual({ kind: 'setup' });
    expect(resolveStartMode({ EPC_MODE: 'demo' }, dir)).toEqual({ kind: 'demo' });
    expect(resolveStartMode({ EPC_SANDBOX_URL: 'http://127.0.0.1:1' }, dir)).toEqual({
      kind: 'demo',
      sandboxUrl: 'http://127.0.0.1:1',
    });
    expect(resolveStartMode({ EPC_CENTER_CONFIG: '/etc/c.json' }, dir)).toEqual({
      kind: 'real',
      centerConfigFile: '/etc/c.json',
    });
    expect(() => resolveStartMode({ EPC_MODE: 'live' }, dir)).toThrow('EPC_MODE');
  });

  it('a folder set up for the real center never runs demo; a demo folder stays demo [R-CENTER]', () => {
    const real = folder();
    mkdirSync(path.join(real, 'center'), { recursive: true });
    writeFileSync(path.join(real, 'center/center.json'), '{}');
    expect(resolveStartMode({ EPC_MODE: 'setup' }, real).kind).toBe('real');
    expect(() => resolveStartMode({ EPC_MODE: 'demo' }, real)).toThrow('真实医保中心');
    expect(() => resolveStartMode({ EPC_SANDBOX_URL: 'http://x' }, real)).toThrow('真实医保中心');
    expect(() => markDemoFolder(real)).toThrow('真实医保中心');

    const demo = folder();
    markDemoFolder(demo);
    expect(resolveStartMode({ EPC_MODE: 'setup' }, demo)).toEqual({ kind: 'demo' });
  });
});
