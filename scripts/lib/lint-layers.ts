import { ALLOWED, IO_MODULES, LAYERS, type Layer, RENDERER_CONTRACT_MODULES } from './layers';

/**
 * Folder depths below src/<layer>/ that get a restriction. Biome matches a pattern against the
 * import as written, so '../center/x' means src/center from src/domain/a.ts but src/domain/center
 * from src/domain/rx/a.ts: each depth needs its own number of '../'.
 */
const MAX_DEPTH = 4;

interface RestrictedImports {
  paths: Record<string, string>;
  patterns: Array<{ group: string[]; message: string }>;
}

export interface LayerOverride {
  includes: string[];
  linter: {
    rules: { style: { noRestrictedImports: { level: 'error'; options: RestrictedImports } } };
  };
}

const NO_IO = 'The domain does no I/O: take the data as an argument.';

function restrictions(layer: Layer, depth: number): RestrictedImports {
  const up = '../'.repeat(depth);
  const allowed = ALLOWED[layer];
  const forbidden = LAYERS.filter((l) => !allowed.includes(l));
  const patterns = [
    {
      group: [...forbidden.map((l) => `${up}${l}/**`), `${up}../electron/**`],
      message: `Layering: src/${layer} may import only ${allowed.join(', ')} (scripts/lib/layers.ts).`,
    },
  ];
  if (layer === 'renderer')
    patterns.push({
      group: [`${up}contract/**`, ...RENDERER_CONTRACT_MODULES.map((m) => `!${up}contract/${m}`)],
      message: `Layering: the renderer takes from src/contract only ${RENDERER_CONTRACT_MODULES.join(', ')}.`,
    });
  const paths: Record<string, string> = { electron: "Only electron/ imports 'electron'." };
  if (layer === 'domain') {
    for (const m of IO_MODULES) paths[m] = NO_IO;
    for (const m of IO_MODULES) if (m !== 'better-sqlite3') paths[`node:${m}`] = NO_IO;
    patterns.push({
      group: IO_MODULES.flatMap((m) => [`${m}/**`, `node:${m}/**`]),
      message: NO_IO,
    });
  }
  return { paths, patterns };
}

/** One override per layer and folder depth: the layering table as linter rules. */
export function layerOverrides(): LayerOverride[] {
  return LAYERS.flatMap((layer) =>
    Array.from({ length: MAX_DEPTH }, (_, i) => {
      const dirs = `src/${layer}/${'*/'.repeat(i)}`;
      return {
        includes: [`${dirs}*.ts`, `${dirs}*.tsx`],
        linter: {
          rules: {
            style: {
              noRestrictedImports: { level: 'error', options: restrictions(layer, i + 1) },
            },
          },
        },
      };
    }),
  );
}
