import type { desktopContract } from '../contract/contract-desktop';
import type { AppServices } from '../services/app-services';
import type { HandlersFor } from './handler-context';

export function createDesktopHandlers(s: AppServices): HandlersFor<typeof desktopContract> {
  return {
    'desktop.settings': () => s.desktop.settings(),
    'desktop.setPrint': (i) => s.desktop.setPrint(i),
    'desktop.setUpdateFeed': (i) => s.desktop.setUpdateFeed(i.feedUrl),
    'desktop.pendingWork': () => s.desktop.pendingWork(),
  };
}
