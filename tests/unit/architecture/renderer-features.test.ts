import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const RENDERER = 'src/renderer';

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir)).flatMap((name) => {
    const rel = path.join(dir, name);
    if (statSync(path.join(ROOT, rel)).isDirectory()) return sourceFiles(rel);
    return /\.tsx?$/.test(name) ? [rel] : [];
  });
}

/** The renderer files a file imports, as paths relative to the repository. */
function localImports(file: string): string[] {
  const text = readFileSync(path.join(ROOT, file), 'utf8');
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+['"](\.[^'"]+)['"]/g)].map(
    (m) => path.join(path.dirname(file), m[1] ?? ''),
  );
}

/** The renderer folder a path lies in, e.g. 'paper' for src/renderer/paper/x.ts. */
const folderOf = (p: string) => path.relative(RENDERER, p).split(path.sep)[0] ?? '';

const files = sourceFiles(RENDERER);

describe('renderer features', () => {
  it('a work-area page never imports another page: the navigation store decides which is shown [issue16-4]', () => {
    const pages = new Set(['paper', 'stock', 'risk', 'reports', 'audit']);
    const crossings = files.flatMap((file) =>
      localImports(file)
        .filter((target) => {
          const [from, to] = [folderOf(file), folderOf(target)];
          return pages.has(from) && pages.has(to) && from !== to;
        })
        .map((target) => `${file} → ${target}`),
    );
    expect(crossings).toEqual([]);
  });

  it('only the app frame reads the registry and the features’ contributions [issue16-4]', () => {
    const readers = files.flatMap((file) =>
      localImports(file)
        .filter((t) => /\/contribution$|^src\/renderer\/app\/registry$/.test(t))
        .filter((t) => !t.startsWith('src/renderer/navigation/'))
        .filter(() => folderOf(file) !== 'app')
        .map((t) => `${file} → ${t}`),
    );
    expect(readers).toEqual([]);
  });
});
