import { readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseWindowState, type WindowState } from './window-state';

const FILE = 'window-state.json';

/** The window state saved at the last close, or null (none, unreadable or implausibly large). */
export function loadWindowState(userData: string): WindowState | null {
  const file = path.join(userData, FILE);
  try {
    if (statSync(file).size > 4096) return null;
    return parseWindowState(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    return null;
  }
}

export function saveWindowState(userData: string, state: WindowState): void {
  const file = path.join(userData, FILE);
  writeFileSync(`${file}.tmp`, `${JSON.stringify(state)}\n`, { mode: 0o600 });
  renameSync(`${file}.tmp`, file);
}
