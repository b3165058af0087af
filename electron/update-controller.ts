import type { PendingWork } from '../src/domain/desktop/pending-work';
import {
  compareVersions,
  decideInstall,
  type InstallDecision,
  isUpdateCheckDue,
} from '../src/domain/desktop/update-policy';

/**
 * What finds, downloads and installs an update. In the desktop app it is electron-updater
 * (electron/electron-updater-backend.ts: generic provider, background download, SHA-512 and
 * Windows signature checks); anything with the same three calls can stand in for it.
 */
export interface UpdateBackend {
  /** Looks at the feed; when it offers a newer version, starts downloading it in the background. */
  check(feedUrl: string): Promise<{ version: string } | null>;
  /** Quits and runs the downloaded installer. */
  install(): void;
}

export type CheckOutcome =
  | { state: 'not-configured' }
  | { state: 'not-due' }
  | { state: 'up-to-date'; version: string }
  | { state: 'available'; version: string }
  | { state: 'failed'; reason: string };

type Awaitable<T> = T | Promise<T>;

/** Settings and pending work live in the backend process: the shell awaits them. */
export interface UpdateControllerDeps {
  backend: UpdateBackend;
  currentVersion: string;
  feedUrl(): Awaitable<string | null>;
  pendingWork(): Awaitable<PendingWork>;
  now(): number;
  lastCheck: { get(): Awaitable<number | null>; set(at: number): void };
}

/** Checks daily, remembers what was downloaded, installs at shift close or on request. */
export class UpdateController {
  private downloadedVersion: string | null = null;

  constructor(private readonly deps: UpdateControllerDeps) {}

  async checkIfDue(): Promise<CheckOutcome> {
    const feedUrl = await this.deps.feedUrl();
    if (!feedUrl) return { state: 'not-configured' };
    const now = this.deps.now();
    if (!isUpdateCheckDue(await this.deps.lastCheck.get(), now)) return { state: 'not-due' };
    this.deps.lastCheck.set(now);
    try {
      const offered = await this.deps.backend.check(feedUrl);
      if (!offered || compareVersions(offered.version, this.deps.currentVersion) <= 0) {
        return { state: 'up-to-date', version: this.deps.currentVersion };
      }
      return { state: 'available', version: offered.version };
    } catch (err) {
      return { state: 'failed', reason: err instanceof Error ? err.message : String(err) };
    }
  }

  /** electron-updater's 'update-downloaded' (after its SHA-512 and signature checks). */
  downloaded(version: string): void {
    if (compareVersions(version, this.deps.currentVersion) > 0) this.downloadedVersion = version;
  }

  /** At the close of a shift or when the administrator asks: never mid-settlement. */
  async installNow(): Promise<InstallDecision> {
    const decision = decideInstall({
      downloadedVersion: this.downloadedVersion,
      settlementsInProgress: (await this.deps.pendingWork()).settlementsInProgress,
    });
    if (decision.install) this.deps.backend.install();
    return decision;
  }
}
