import type { Contribution } from '../navigation/contribution';
import { RegionModal } from './RegionModal';

export const regionContribution: Contribution = { id: 'region', View: RegionModal };
