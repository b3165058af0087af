import { useEffect } from 'react';
import { KeyHints } from '../components/KeyHints';
import { LastScan } from '../components/LastScan';
import { SandboxBanner } from '../components/SandboxBanner';
import { TopBar } from '../components/TopBar';
import { usePatientStore } from '../counter/patient-store';
import { useFunctionKeys } from '../keyboard/use-function-keys';
import { useNavigation } from '../navigation/navigation-store';
import { CenterOfflineBanner } from '../outbox/CenterOfflineBanner';
import { useOutboxStore } from '../outbox/outbox-store';
import { usePrescriptionStore } from '../prescription/prescription-store';
import { useReviewStore } from '../review/review-store';
import { useScannerCapture } from '../scanner/use-scanner-capture';
import { ScannerTestModal } from '../scanner-test/ScannerTestModal';
import { LoginScreen } from '../session/LoginScreen';
import { LogoutConfirm } from '../session/LogoutConfirm';
import { OffDutyConfirm } from '../shift/OffDutyConfirm';
import { useScanStore } from '../stores/scan-store';
import { useSessionStore } from '../stores/session-store';
import { useUiStore } from '../stores/ui-store';
import { HelpOverlay } from './HelpOverlay';
import { FEATURES, screenKeysOf, screenViewOf, useFeatureKeys } from './registry';

function SignedIn() {
  const screen = useNavigation((s) => s.screen);
  const Screen = screenViewOf(screen);
  return (
    <>
      {Screen && <Screen />}
      {FEATURES.map(({ id, View }) => View && <View key={id} />)}
    </>
  );
}

export function App() {
  const info = useSessionStore((s) => s.info);
  const session = useSessionStore((s) => s.session);
  const screen = useNavigation((s) => s.screen);
  useScannerCapture();
  useFunctionKeys(screenKeysOf);
  useFeatureKeys();

  useEffect(() => {
    void useSessionStore.getState().loadInfo();
  }, []);

  // Nothing of one staff member's work (or of the login screen) stays on screen for the next.
  useEffect(() => {
    usePatientStore.getState().clear();
    useScanStore.getState().clear();
    useReviewStore.getState().clearDrafts();
    usePrescriptionStore.getState().close();
    useUiStore.getState().setOverlay(null);
    useNavigation.getState().reset();
    if (!session) useOutboxStore.getState().reset();
  }, [session]);

  return (
    <div className="app">
      {info?.sandbox && <SandboxBanner />}
      <TopBar info={info} session={session} />
      {session && <CenterOfflineBanner />}
      {session ? <SignedIn /> : <LoginScreen />}
      <footer className="app-footer">
        <KeyHints signedIn={session !== null} screen={screen} />
        <LastScan />
      </footer>
      <HelpOverlay />
      <LogoutConfirm />
      <OffDutyConfirm />
      <ScannerTestModal />
    </div>
  );
}
