import { useEffect } from 'react';
import { auditContribution } from '../audit/contribution';
import { complaintContribution } from '../complaints/contribution';
import { counterContribution } from '../counter/contribution';
import { dispenseContribution } from '../dispense/contribution';
import { FUNCTION_KEYS, type FunctionKey } from '../keyboard/function-keys';
import type { ScreenKeys } from '../keyboard/use-function-keys';
import { lookupContribution } from '../lookup/contribution';
import type { Contribution } from '../navigation/contribution';
import { locationOf, useNavigation } from '../navigation/navigation-store';
import { paperContribution } from '../paper/contribution';
import { prescriptionContribution } from '../prescription/contribution';
import { publicContribution } from '../publicinfo/contribution';
import { regionContribution } from '../region/contribution';
import { reportsContribution } from '../reports/contribution';
import { riskContribution } from '../risk/contribution';
import { saleContribution } from '../sale/contribution';
import { staffContribution } from '../staff/contribution';
import { stockContribution } from '../stock/contribution';

/** Every feature of the signed-in app; a new one is added here and nowhere else in the frame. */
export const FEATURES: readonly Contribution[] = [
  counterContribution,
  prescriptionContribution,
  dispenseContribution,
  saleContribution,
  regionContribution,
  paperContribution,
  stockContribution,
  riskContribution,
  reportsContribution,
  complaintContribution,
  publicContribution,
  auditContribution,
  lookupContribution,
  staffContribution,
];

/** The F1 help: the shared function keys, then each feature's own. */
export const HELP_ROWS: readonly FunctionKey[] = [
  ...FUNCTION_KEYS,
  ...FEATURES.flatMap((f) => f.keys ?? []),
];

export const screenViewOf = (at: string) => FEATURES.find((f) => f.screen?.at === at)?.screen?.View;

export const screenKeysOf: ScreenKeys = (screen) =>
  FEATURES.find((f) => f.screen?.at === screen)?.screen?.keys;

/** One capture-phase listener for the features' keys, each told where the user was at the press. */
function onFeatureKeyDown(ev: KeyboardEvent): void {
  const at = locationOf(useNavigation.getState());
  for (const feature of FEATURES) feature.onKeyDown?.(ev, at);
}

export function useFeatureKeys(): void {
  useEffect(() => {
    window.addEventListener('keydown', onFeatureKeyDown, true);
    return () => window.removeEventListener('keydown', onFeatureKeyDown, true);
  }, []);
}
