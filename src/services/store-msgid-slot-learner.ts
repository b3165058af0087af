import type { FsiClient } from '../center/fsi-client';
import type { StoreClient } from '../store-link/store-client';
import type { AppConfig } from './config';
import type { Logger } from './logger';
import { askStoreForMsgidSlot } from './store-msgid-slot';

const ASK_EVERY_MS = 10_000;

/**
 * A counter of a store that started without its msgid slot (store server unreachable at its
 * first start, D51) keeps asking the store for it, and takes it as soon as the store answers
 * (D57): from then on it calls the center and may deliver the store's outbox, without a restart.
 */
export function createMsgidSlotLearner(deps: {
  config: Pick<AppConfig, 'dataDir' | 'pharmacy'>;
  link: StoreClient;
  fsi: FsiClient;
  log: Logger;
}) {
  let timer: NodeJS.Timeout | null = null;
  let asking: Promise<boolean> | null = null;

  async function ask(): Promise<boolean> {
    if (deps.fsi.mayBuildMsgids) return true;
    const space = await askStoreForMsgidSlot(deps.config, deps.link, deps.log);
    if (space.kind !== 'slot') return false;
    deps.fsi.adoptMsgidSlot(space.slot);
    deps.log.info('store.msgidSlot.adopted', { counterId: deps.link.counterId, slot: space.slot });
    stop();
    return true;
  }

  function stop(): void {
    if (timer) clearInterval(timer);
    timer = null;
  }

  /** One ask now (never two at once); true once the counter has its slot. */
  function learnNow(): Promise<boolean> {
    asking ??= ask().finally(() => {
      asking = null;
    });
    return asking;
  }

  return {
    learnNow,
    start(): void {
      if (deps.fsi.mayBuildMsgids || timer) return;
      timer = setInterval(() => void learnNow(), ASK_EVERY_MS);
      timer.unref();
    },
    stop,
  };
}

export type MsgidSlotLearner = ReturnType<typeof createMsgidSlotLearner>;
