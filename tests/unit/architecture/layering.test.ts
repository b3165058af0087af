import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALLOWED, IO_MODULES } from '../../../scripts/lib/layers';
import { layerOverrides } from '../../../scripts/lib/lint-layers';

const ROOT = path.resolve(import.meta.dirname, '../../..');

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(path.join(ROOT, dir))) {
    const rel = path.join(dir, name);
    if (statSync(path.join(ROOT, rel)).isDirectory()) out.push(...sourceFiles(rel));
    else if (/\.tsx?$/.test(name)) out.push(rel);
  }
  return out;
}

/** Every module a file imports, resolved to a path relative to the repository, or the package name. */
function imports(file: string): string[] {
  const text = readFileSync(path.join(ROOT, file), 'utf8');
  const specs = [
    ...text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]/g),
  ].map((m) => m[1] ?? '');
  return specs.map((s) => (s.startsWith('.') ? path.join(path.dirname(file), s) : s));
}

const layerOf = (p: string) =>
  /^src\/([a-z-]+)\//.exec(`${p}/`)?.[1] ?? (p.startsWith('electron/') ? 'electron' : 'pkg');

describe('layering', () => {
  const files = sourceFiles('src');

  it('imports point downwards only [ARCH]', () => {
    const violations: string[] = [];
    for (const file of files) {
      const from = layerOf(file);
      for (const target of imports(file)) {
        const to = layerOf(target);
        if (to === 'pkg') continue;
        if (!(ALLOWED as Record<string, readonly string[]>)[from]?.includes(to))
          violations.push(`${file} → ${target}`);
      }
    }
    expect(violations).toEqual([]);
  });

  it('only electron/ imports electron [ARCH]', () => {
    const offenders = files.filter((f) => imports(f).includes('electron'));
    expect(offenders).toEqual([]);
  });

  it('the domain does no I/O [ARCH]', () => {
    const io = new RegExp(`^(node:)?(${IO_MODULES.join('|')})(/|$)`);
    const offenders = files
      .filter((f) => f.startsWith('src/domain/'))
      .flatMap((f) =>
        imports(f)
          .filter((i) => io.test(i))
          .map((i) => `${f} → ${i}`),
      );
    expect(offenders).toEqual([]);
  });

  it('the renderer reaches the backend only through the API client [ARCH]', () => {
    const offenders = files
      .filter((f) => f.startsWith('src/renderer/'))
      .flatMap((f) =>
        imports(f).filter(
          (i) =>
            /^src\/(api|services|store|center|host|sandbox)\//.test(i) ||
            (i.startsWith('src/contract/') &&
              !/src\/contract\/(client|contract|types(-[a-z]+)?)$/.test(i)),
        ),
      );
    expect(offenders).toEqual([]);
  });

  it('the linter restricts imports per folder exactly as this table says [ARCH]', () => {
    const biome = JSON.parse(readFileSync(path.join(ROOT, 'biome.json'), 'utf8')) as {
      overrides?: unknown;
    };
    // When this fails: npm run lint:layers writes the table into biome.json.
    expect(biome.overrides).toEqual(layerOverrides());
  });
});
