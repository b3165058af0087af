import { decideClose, type PendingWork } from '../src/domain/desktop/pending-work';

/** The parts of a BrowserWindow the close guard uses. */
export interface ClosableWindow {
  on(event: 'close', listener: (event: { preventDefault(): void }) => void): void;
  close(): void;
}

/**
 * Before the window closes: with uploads pending or a settlement under way, ask first (saying
 * what is pending); the window closes only when the pharmacist confirms. `ask` shows the
 * question and returns true to close anyway.
 */
export function guardClose(
  win: ClosableWindow,
  pendingWork: () => PendingWork,
  ask: (question: { message: string; details: string[] }) => boolean,
): void {
  let confirmed = false;
  win.on('close', (event) => {
    if (confirmed) return;
    const decision = decideClose(pendingWork());
    if (decision.action === 'close') return;
    event.preventDefault();
    if (ask(decision)) {
      confirmed = true;
      win.close();
    }
  });
}
