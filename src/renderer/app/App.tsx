import { useEffect, useRef } from 'react';
import { KeyHints } from '../components/KeyHints';
import { LastScan } from '../components/LastScan';
import { SandboxBanner } from '../components/SandboxBanner';
import { TopBar } from '../components/TopBar';
import { usePatientStore } from '../counter/patient-store';
import { useFunctionKeys } from '../keyboard/use-function-keys';
import { lazyView, preloadLazyViews } from '../navigation/lazy-view';
import { useNavigation } from '../navigation/navigation-store';
import { CenterOfflineBanner } from '../outbox/CenterOfflineBanner';
import { useOutboxStore } from '../outbox/outbox-store';
import { usePrescriptionStore } from '../prescription/prescription-store';
import { useReviewStore } from '../review/review-store';
import { useScannerCapture } from '../scanner/use-scanner-capture';
import { LoginScreen } from '../session/LoginScreen';
import { LogoutConfirm } from '../session/LogoutConfirm';
import { DaySummaryDialog } from '../shift/DaySummaryDialog';
import { ForcedPasswordChange } from '../staff/ForcedPasswordChange';
import { useScanStore } from '../stores/scan-store';
import { useSessionStore } from '../stores/session-store';
import { useUiStore } from '../stores/ui-store';
import { BackendStatusBanner } from './BackendStatusBanner';
import { FEATURES, screenKeysOf, screenViewOf, useFeatureKeys } from './registry';
import { useHeadHeight } from './use-head-height';

// Closed until F1 / F11: loaded on first render, after the login screen is drawn.
const HelpOverlay = lazyView(() => import('./HelpOverlay').then((m) => m.HelpOverlay));
const ScannerTestModal = lazyView(() =>
  import('../scanner-test/ScannerTestModal').then((m) => m.ScannerTestModal),
);

function SignedIn() {
  const screen = useNavigation((s) => s.screen);
  const Screen = screenViewOf(screen);
  useEffect(preloadLazyViews, []);
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
  const head = useRef<HTMLDivElement>(null);
  useHeadHeight(head);
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
      {/* stays in view while a long prescription scrolls: who is on duty, the queue, the center */}
      <div className="app-head" ref={head}>
        {info?.sandbox && <SandboxBanner />}
        {/* under a temporary password nothing but its change may be called: no status polling */}
        <TopBar info={info} session={session?.mustChangePassword ? null : session} />
        {session && !session.mustChangePassword && <CenterOfflineBanner />}
        <BackendStatusBanner />
      </div>
      {session === null ? (
        <LoginScreen />
      ) : session.mustChangePassword ? (
        <ForcedPasswordChange />
      ) : (
        <SignedIn />
      )}
      <footer className="app-footer">
        <KeyHints signedIn={session !== null && !session.mustChangePassword} screen={screen} />
        <LastScan />
      </footer>
      <HelpOverlay />
      <LogoutConfirm />
      <DaySummaryDialog />
      <ScannerTestModal />
    </div>
  );
}
