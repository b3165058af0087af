import { autoUpdater } from 'electron-updater';
import type { UpdateBackend } from './update-controller';

/**
 * electron-updater behind UpdateBackend: the generic provider on the configured feed (the URL in
 * app-update.yml is only the packaging default), downloaded in the background, never installed
 * on quit by itself (UpdateController decides when). It verifies the download's SHA-512 from
 * latest.yml and, on Windows, that the installer is signed by the publisherName of the build.
 */
export function electronUpdaterBackend(onDownloaded: (version: string) => void): UpdateBackend {
  autoUpdater.autoDownload = true;
  autoUpdater.autoInstallOnAppQuit = false;
  autoUpdater.allowDowngrade = false;
  autoUpdater.on('update-downloaded', (info: { version: string }) => onDownloaded(info.version));
  return {
    async check(feedUrl) {
      autoUpdater.setFeedURL({ provider: 'generic', url: feedUrl });
      const result = await autoUpdater.checkForUpdates();
      return result?.isUpdateAvailable ? { version: result.updateInfo.version } : null;
    },
    install: () => autoUpdater.quitAndInstall(false, true),
  };
}
