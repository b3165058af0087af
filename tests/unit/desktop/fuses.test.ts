import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FuseState, FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { afterEach, describe, expect, it } from 'vitest';
import { readBuilderConfig } from '../../../scripts/check-package';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

/** A stand-in Electron binary: padding, the fuse sentinel, wire version 1, nine fuses all on. */
function fakeElectronBinary(file: string): void {
  const wire = Buffer.from([0x01, 9, ...Array(9).fill(FuseState.ENABLE)]);
  writeFileSync(file, Buffer.concat([Buffer.alloc(1024, 0x90), Buffer.from(SENTINEL), wire]));
}

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('Electron fuses in the packaged app (electron-builder afterPack)', () => {
  it('the afterPack hook turns off RunAsNode, NODE_OPTIONS and --inspect, turns on asar integrity and asar-only [ARCH]', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'fuses-'));
    const exe = path.join(dir, 'epc-pharmacy-counter');
    fakeElectronBinary(exe);
    const hook = createRequire(import.meta.url)(path.join(ROOT, 'build/after-pack.cjs')) as {
      default(context: unknown): Promise<void>;
    };
    await hook.default({
      electronPlatformName: 'linux',
      appOutDir: dir,
      packager: { executableName: 'epc-pharmacy-counter', appInfo: { productFilename: 'x' } },
    });
    const wire = await getCurrentFuseWire(exe);
    expect(wire[FuseV1Options.RunAsNode]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(FuseState.ENABLE);
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(FuseState.ENABLE);
  });

  it('electron-builder.yml runs that hook on an asar package [ARCH]', () => {
    const config = readBuilderConfig(path.join(ROOT, 'electron-builder.yml')) as {
      afterPack?: string;
      asar?: boolean;
    };
    expect(config.afterPack).toBe('./build/after-pack.cjs');
    expect(config.asar).toBe(true);
  });

  it('the NSIS include refuses Windows older than 10 and 32-bit Windows in Chinese [ARCH]', () => {
    const config = readBuilderConfig(path.join(ROOT, 'electron-builder.yml')) as {
      nsis?: { include?: string };
    };
    expect(config.nsis?.include).toBe('build/installer.nsh');
    const nsh = readFileSync(path.join(ROOT, 'build/installer.nsh'), 'utf8');
    expect(nsh).toMatch(
      /\$\{IfNot\} \$\{AtLeastWin10\}[\s\S]*?仅支持 Windows 10 或 Windows 11[\s\S]*?Abort/,
    );
    expect(nsh).toMatch(/\$\{IfNot\} \$\{RunningX64\}[\s\S]*?64 位[\s\S]*?Abort/);
  });
});
