import path from 'node:path';

/**
 * Worker-thread entries, each bundled beside main.cjs as `<name>.cjs`: src/center/thread-loader.ts
 * starts a thread on `<dir of its caller>/<name>.cjs` when the code runs bundled.
 */
export const THREAD_ENTRIES = [
  'src/services/background/job-worker.ts',
  'src/center/rx/bulk-verify-worker.ts',
  'src/services/rx-reverify/reverify-worker.ts',
] as const;

/** The backend utility process (D36): electron/main.ts forks `dist-electron/backend-process.cjs`. */
export const BACKEND_ENTRY = 'src/host/backend-process.ts';

/** Every bundle of the desktop app (CommonJS in dist-electron/) with the entry it is built from. */
export const BUNDLES: ReadonlyArray<{ entry: string; file: string }> = [
  { entry: 'electron/main.ts', file: 'dist-electron/main.cjs' },
  { entry: 'electron/preload.ts', file: 'dist-electron/preload.cjs' },
  { entry: 'src/sandbox/main.ts', file: 'dist-electron/sandbox.cjs' },
  ...[BACKEND_ENTRY, ...THREAD_ENTRIES].map((entry) => ({
    entry,
    file: `dist-electron/${path.basename(entry, '.ts')}.cjs`,
  })),
];
