import type { Contribution } from '../navigation/contribution';
import { lazyView } from '../navigation/lazy-view';

export const regionContribution: Contribution = {
  id: 'region',
  View: lazyView(() => import('./RegionModal').then((m) => m.RegionModal)),
};
