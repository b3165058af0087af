import { readFileSync } from 'node:fs';
import type { AppInfo } from '../contract/types';
import { SANDBOX_CONFIG_FILE } from './project-paths';
import type { StartMode } from './setup/data-folder-mode';

/**
 * What `app.info` will say once the services run, read from the start mode's own file before
 * they do (issue 20: the log-in screen is drawn while the database and the center link start).
 * Null where it cannot be known yet (the wizard, an unreadable file): the caller then waits for
 * the services, which answer or refuse with the full configuration check.
 */
export function appInfoBeforeStart(
  mode: StartMode,
  version: string,
  shell: AppInfo['mode'],
): AppInfo | null {
  if (mode.kind === 'setup') return null;
  const file = mode.kind === 'real' ? mode.centerConfigFile : SANDBOX_CONFIG_FILE;
  const pharmacy = pharmacyIn(file);
  if (!pharmacy) return null;
  return { version, mode: shell, sandbox: mode.kind === 'demo', pharmacy };
}

function pharmacyIn(file: string): AppInfo['pharmacy'] | null {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as { pharmacy?: Record<string, unknown> };
    const { fixmedinsCode: code, fixmedinsName: name, admdvs } = parsed.pharmacy ?? {};
    if (typeof code !== 'string' || typeof name !== 'string' || typeof admdvs !== 'string') {
      return null;
    }
    return { code, name, admdvs };
  } catch {
    return null;
  }
}
