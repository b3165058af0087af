import type { Contribution } from '../app/contribution';
import { RegionModal } from './RegionModal';

export const regionContribution: Contribution = { id: 'region', View: RegionModal };
