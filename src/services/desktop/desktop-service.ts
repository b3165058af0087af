import type { DesktopSettings, UpdateSettings } from '../../contract/types-desktop';
import type { PendingWork } from '../../domain/desktop/pending-work';
import {
  DEFAULT_PRINT_SETTINGS,
  PAPER_SIZES,
  type PrintSettings,
} from '../../domain/desktop/print-settings';
import { checkFeedUrl } from '../../domain/desktop/update-policy';
import { AppError } from '../../domain/errors';
import type { Db } from '../../store/database';
import type { OutboxRepository } from '../../store/outbox-repository';
import { countOpenSettlements } from '../../store/pending-work-repository';
import { SettingsRepository } from '../../store/settings-repository';

const PRINT_KEY = 'desktop.print';
const UPDATE_KEY = 'desktop.updateFeed';
const LAST_CHECK_KEY = 'desktop.lastUpdateCheck';

/** A stored value is read back through the same shape it was saved in; anything else: defaults. */
function storedPrint(value: unknown): PrintSettings {
  const v = value as Partial<PrintSettings> | undefined;
  if (!v || typeof v !== 'object') return DEFAULT_PRINT_SETTINGS;
  return {
    printerName: typeof v.printerName === 'string' ? v.printerName : null,
    paper: PAPER_SIZES.includes(v.paper as never) ? (v.paper as PrintSettings['paper']) : '80mm',
    kickCashDrawer: v.kickCashDrawer === true,
  };
}

export function createDesktopService(deps: {
  db: Db;
  outbox: OutboxRepository;
  now: () => number;
}) {
  const settings = new SettingsRepository(deps.db);
  const print = (): PrintSettings => storedPrint(settings.get(PRINT_KEY));
  const update = (): UpdateSettings => ({ feedUrl: settings.get<string>(UPDATE_KEY) ?? null });
  return {
    settings: (): DesktopSettings => ({ print: print(), update: update() }),
    print,
    update,
    setPrint(next: PrintSettings): PrintSettings {
      settings.set(PRINT_KEY, next);
      return print();
    },
    setUpdateFeed(feedUrl: string | null): UpdateSettings {
      if (feedUrl === null) {
        settings.delete(UPDATE_KEY);
        return update();
      }
      const checked = checkFeedUrl(feedUrl);
      if ('refusal' in checked) throw new AppError('VALIDATION', checked.refusal);
      settings.set(UPDATE_KEY, checked.url);
      return update();
    },
    /** When the desktop app last looked at the update feed (checked once a day). */
    lastUpdateCheck: {
      get: (): number | null => settings.get<number>(LAST_CHECK_KEY) ?? null,
      set: (at: number): void => settings.set(LAST_CHECK_KEY, at),
    },
    pendingWork(): PendingWork {
      const open = countOpenSettlements(deps.db);
      return {
        uploadsPending: deps.outbox.status(deps.now()).pending,
        settlementsInProgress: open.inProgress,
        outcomesUnknown: open.outcomeUnknown,
      };
    },
  };
}

export type DesktopService = ReturnType<typeof createDesktopService>;
