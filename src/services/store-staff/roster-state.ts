import type { Db } from '../../store/database';
import { SettingsRepository } from '../../store/settings-repository';

/**
 * What this counter knows of the store's roster, kept in its settings (one small JSON value;
 * a pharmacy has tens of accounts): the last roster version pulled, the version each account
 * was last synced at, and the accounts changed here and not yet sent (with a change count, so a
 * change made while a send is on its way is not taken as sent).
 */
export interface RosterState {
  cursor: number;
  synced: Record<string, number>;
  pending: Record<string, number>;
}

const KEY = 'store.roster';

export function rosterStateOf(db: Db) {
  const settings = new SettingsRepository(db);
  const read = (): RosterState => ({
    cursor: 0,
    synced: {},
    pending: {},
    ...settings.get<RosterState>(KEY),
  });
  const write = (s: RosterState) => settings.set(KEY, s);
  return {
    read,
    /** Inside the local change's transaction: the account is owed to the store. */
    markChanged(username: string): void {
      const s = read();
      const u = username.toLowerCase();
      s.pending[u] = (s.pending[u] ?? 0) + 1;
      write(s);
    },
    /** After a send: the account is synced at `version` unless it changed again meanwhile. */
    sent(username: string, changesSeen: number, version: number): void {
      const s = read();
      const u = username.toLowerCase();
      if (s.pending[u] === changesSeen) delete s.pending[u];
      s.synced[u] = Math.max(s.synced[u] ?? 0, version);
      write(s);
    },
    pulled(username: string, version: number): void {
      const s = read();
      s.synced[username.toLowerCase()] = version;
      s.cursor = Math.max(s.cursor, version);
      write(s);
    },
    /** A conflict: the store's newer copy must be pulled again even if the cursor passed it. */
    rewind(before: number): void {
      const s = read();
      s.cursor = Math.min(s.cursor, Math.max(0, before - 1));
      write(s);
    },
    advance(cursor: number): void {
      const s = read();
      s.cursor = Math.max(s.cursor, cursor);
      write(s);
    },
  };
}
