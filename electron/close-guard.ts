import { decideClose, type PendingWork } from '../src/domain/desktop/pending-work';

/** The parts of a BrowserWindow the close guard uses. */
export interface ClosableWindow {
  on(event: 'close', listener: (event: { preventDefault(): void }) => void): void;
  close(): void;
}

/**
 * Before the window closes: with uploads pending or a settlement under way, ask first (saying
 * what is pending); the window closes only when the pharmacist confirms. `ask` shows the
 * question and returns true to close anyway. The pending work comes from the backend process,
 * so the close waits for its answer; `null` (the backend did not answer: stopped or
 * restarting) closes, since everything pending is on disk and resumes at the next start.
 */
export function guardClose(
  win: ClosableWindow,
  pendingWork: () => Promise<PendingWork | null>,
  ask: (question: { message: string; details: string[] }) => boolean,
): void {
  let confirmed = false;
  let asking = false;
  const closeNow = () => {
    confirmed = true;
    win.close();
  };
  win.on('close', (event) => {
    if (confirmed) return;
    event.preventDefault();
    if (asking) return;
    asking = true;
    void pendingWork()
      .catch(() => null)
      .then((work) => {
        const decision = work ? decideClose(work) : ({ action: 'close' } as const);
        if (decision.action === 'close' || ask(decision)) closeNow();
      })
      .finally(() => {
        asking = false;
      });
  });
}
