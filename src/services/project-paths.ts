import path from 'node:path';

/** This checkout's root (this file is src/services/, or a bundle two folders below the root). */
export const PROJECT_ROOT = path.resolve(import.meta.dirname ?? '.', '../..');
export const SANDBOX_CONFIG_FILE = path.join(PROJECT_ROOT, 'config/sandbox.json');
