import type { Contribution } from '../navigation/contribution';
import { lazyView } from '../navigation/lazy-view';
import { onPublicKeyDown } from './public-key-handler';
import { PUBLIC_KEYS } from './public-keys';

export const publicContribution: Contribution = {
  id: 'public',
  View: lazyView(() => import('./PublicScreen').then((m) => m.PublicScreen)),
  keys: PUBLIC_KEYS,
  onKeyDown: onPublicKeyDown,
};
