import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../../..');

/** What a file loads at run time: `import type` / `export type` lines are erased and skipped. */
function runtimeImports(file: string): string[] {
  const text = readFileSync(path.join(ROOT, file), 'utf8');
  const staticOnes = [
    ...text.matchAll(/(?:^|\n)\s*(?:import|export)\s+(type\s+)?[^'"]*?from\s+['"]([^'"]+)['"]/g),
  ]
    .filter((m) => !m[1])
    .map((m) => m[2] ?? '');
  const bare = [...text.matchAll(/(?:^|\n)\s*import\s+['"]([^'"]+)['"]/g)].map((m) => m[1] ?? '');
  const dynamic = [...text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1] ?? '');
  return [...staticOnes, ...bare, ...dynamic];
}

function resolve(from: string, spec: string): string {
  if (!spec.startsWith('.')) return spec.replace(/^node:/, '');
  const base = path.join(path.dirname(from), spec);
  const found = [`${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), base].find((p) =>
    existsSync(path.join(ROOT, p)),
  );
  return found ?? base;
}

/** Every file and package reachable from `entry` at run time. */
function graphOf(entry: string): Set<string> {
  const seen = new Set<string>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    if (!/\.tsx?$/.test(file)) continue;
    for (const spec of runtimeImports(file)) queue.push(resolve(file, spec));
  }
  return seen;
}

/** The services' world: the database, the center's crypto and client, the handlers. */
const BACKEND_ONLY = /^(src\/(services|store|api|center|sandbox|store-link)\/|better-sqlite3$)/;

describe('the desktop shell keeps the services out of Electronʼs main process (D36)', () => {
  it('electron/main.ts reaches neither src/services nor better-sqlite3 (nor the store, api, center) at run time [ARCH][R-KEEP]', () => {
    const graph = graphOf('electron/main.ts');
    expect(graph.has('electron/ipc-api.ts')).toBe(true);
    expect([...graph].filter((f) => BACKEND_ONLY.test(f))).toEqual([]);
    expect(graph.has('src/host/backend-process.ts')).toBe(false);
  });

  it('the backend entry it forks is where the services are opened [ARCH][R-KEEP]', () => {
    const graph = graphOf('src/host/backend-process.ts');
    expect(graph.has('src/api/counter-runtime.ts')).toBe(true);
    expect(graph.has('src/services/app-services.ts')).toBe(true);
    expect(graph.has('better-sqlite3')).toBe(true);
    const main = readFileSync(path.join(ROOT, 'electron/main.ts'), 'utf8');
    expect(main).toContain("'dist-electron/backend-process.cjs'");
  });
});
