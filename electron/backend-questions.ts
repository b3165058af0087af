import type { PendingWork } from '../src/domain/desktop/pending-work';
import { DEFAULT_PRINT_SETTINGS, type PrintSettings } from '../src/domain/desktop/print-settings';
import type { BackendLink } from '../src/host/backend/backend-link';
import type { HostQuestion } from '../src/host/backend/protocol';

/** The shell waits this long for the backend's answer (a close or a print must not hang). */
export const ASK_WAIT_MS = 3_000;

/**
 * What the shell itself asks the backend process: pending work (close guard, update install),
 * the chosen printer, the update feed and its last check. `null` where the backend did not
 * answer in time (stopped, restarting): each caller decides what an unknown answer means.
 */
export function backendQuestions(link: Pick<BackendLink, 'ask'>, waitMs = ASK_WAIT_MS) {
  async function ask<T>(question: HostQuestion, value?: number): Promise<T | null> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<null>((resolve) => {
      timer = setTimeout(() => resolve(null), waitMs);
    });
    const answered = link.ask(question, value).then((r) => (r.ok ? (r.value as T) : null));
    try {
      return await Promise.race([answered, late]);
    } finally {
      clearTimeout(timer);
    }
  }
  return {
    pendingWork: () => ask<PendingWork>('pendingWork'),
    print: async () => (await ask<PrintSettings>('printSettings')) ?? DEFAULT_PRINT_SETTINGS,
    feedUrl: () => ask<string>('updateFeed'),
    lastCheck: {
      get: () => ask<number>('lastUpdateCheck'),
      set: (at: number) => void ask('setLastUpdateCheck', at),
    },
  };
}
