import { api } from '../api';

/** The one-line notice shown while the window reloads after a crash. */
export const CRASH_NOTICE = '界面出现错误，已记录日志，正在重新载入……';
const RELOAD_AFTER_MS = 1500;
/** More reloads than this within a minute: stop reloading (a crash at start would loop). */
const MAX_RELOADS_PER_MINUTE = 3;
const RELOADS_KEY = 'epc.crashReloads';

type Kind = 'boundary' | 'error' | 'rejection';

function describe(reason: unknown): { message: string; stack?: string } {
  if (reason instanceof Error) {
    return {
      message: reason.message || reason.name,
      ...(reason.stack ? { stack: reason.stack } : {}),
    };
  }
  return { message: String(reason) };
}

/** Reports to the host (masked and rate-limited there); a failure to report is not another crash. */
export function reportCrash(kind: Kind, reason: unknown): Promise<void> {
  const { message, stack } = describe(reason);
  return api
    .call('log.rendererError', {
      kind,
      message: message.slice(0, 2000),
      ...(stack ? { stack: stack.slice(0, 8000) } : {}),
    })
    .then(
      () => undefined,
      () => undefined,
    );
}

function recentReloads(now: number): number[] {
  try {
    const list = JSON.parse(sessionStorage.getItem(RELOADS_KEY) ?? '[]') as number[];
    return list.filter((t) => now - t < 60_000);
  } catch {
    return [];
  }
}

/** Reloads the window shortly, unless it has already reloaded too often this minute. */
export function reloadAfterCrash(): boolean {
  const now = Date.now();
  const reloads = recentReloads(now);
  if (reloads.length >= MAX_RELOADS_PER_MINUTE) return false;
  sessionStorage.setItem(RELOADS_KEY, JSON.stringify([...reloads, now]));
  setTimeout(() => window.location.reload(), RELOAD_AFTER_MS);
  return true;
}

function showNotice(): void {
  if (document.getElementById('crash-notice')) return;
  const notice = document.createElement('div');
  notice.id = 'crash-notice';
  notice.className = 'crash-notice';
  notice.setAttribute('role', 'alert');
  notice.setAttribute('data-testid', 'crash-notice');
  notice.textContent = CRASH_NOTICE;
  document.body.appendChild(notice);
}

/** Errors outside React's tree (event handlers, timers, promises): report, notice, reload. */
export function installCrashReporting(): void {
  const crash = (kind: Kind, reason: unknown) => {
    showNotice();
    void reportCrash(kind, reason).finally(() => reloadAfterCrash());
  };
  window.addEventListener('error', (e) => crash('error', e.error ?? e.message));
  window.addEventListener('unhandledrejection', (e) => crash('rejection', e.reason));
}
