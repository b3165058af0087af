import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * The folder holding `config/` (policy packs, catalogue, layouts, sandbox credentials): the
 * nearest of this code's folder and its ancestors that has `config/policy`. From the sources
 * (src/services/) and npm start's bundle (dist/host/) that is the checkout; from the desktop
 * bundle it is the checkout in development (dist-electron/) and Electron's `resources` folder
 * once packaged (app.asar/dist-electron/, where electron-builder puts config/ as extraResources).
 */
export function findProjectRoot(start: string): string {
  let dir = start;
  for (let up = 0; up < 4; up += 1) {
    if (existsSync(path.join(dir, 'config/policy'))) return dir;
    dir = path.dirname(dir);
  }
  return path.resolve(start, '../..');
}

export const PROJECT_ROOT = findProjectRoot(import.meta.dirname ?? '.');
export const SANDBOX_CONFIG_FILE = path.join(PROJECT_ROOT, 'config/sandbox.json');
