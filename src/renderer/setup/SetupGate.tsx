import { type ReactNode, useEffect } from 'react';
import { SetupWizard } from './SetupWizard';
import { useSetupStore } from './setup-store';

/** The wizard while the counter is not set up; the app itself once it is (or was). */
export function SetupGate({ children }: { children: ReactNode }) {
  const needed = useSetupStore((s) => s.needed);
  useEffect(() => void useSetupStore.getState().load(), []);
  if (needed === null) return null;
  return needed ? <SetupWizard /> : children;
}
