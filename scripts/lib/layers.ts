/**
 * The layering of src/ (shared design: architecture.md): what each layer may import of ours.
 * The layering test checks the imports against it, and the linter's per-folder import
 * restrictions in biome.json are generated from it (npm run lint:layers).
 */
export const LAYERS = [
  'domain',
  'store',
  'center',
  'contract',
  'services',
  'api',
  'host',
  'renderer',
  'sandbox',
  'store-server',
  'store-link',
  'head-office',
] as const;

export type Layer = (typeof LAYERS)[number];

export const ALLOWED: Readonly<Record<Layer, readonly Layer[]>> = {
  domain: ['domain'],
  store: ['store', 'domain'],
  center: ['center', 'domain'],
  contract: ['contract', 'domain'],
  services: ['services', 'store', 'center', 'store-link', 'contract', 'domain'],
  api: ['api', 'services', 'contract', 'domain'],
  host: ['host', 'api', 'services', 'contract', 'domain'],
  renderer: ['renderer', 'contract', 'domain'],
  sandbox: ['sandbox', 'center', 'domain'],
  /** The store server of one pharmacy (PostgreSQL), its own process: never the counter's store/services/api. */
  'store-server': ['store-server', 'contract', 'domain'],
  /** The counter's client of its store server, used by services as center/ is. */
  'store-link': ['store-link', 'contract', 'domain'],
  /**
   * A chain's head office (PostgreSQL fed by logical replication from every store, D58), its own
   * process: the store server's migration runner, never a counter's code.
   */
  'head-office': ['head-office', 'store-server', 'contract', 'domain'],
};

/** The renderer takes from src/contract only these modules (no schemas, no server-side helpers). */
export const RENDERER_CONTRACT_MODULES = ['client', 'contract', 'types', 'types-*'] as const;

/** Node modules the domain may not import: it does no I/O. */
export const IO_MODULES = [
  'fs',
  'net',
  'http',
  'https',
  'child_process',
  'better-sqlite3',
] as const;
