import { lazy, Suspense, useEffect } from 'react';
import { AuditModal } from '../audit/AuditModal';
import { useAuditKeys } from '../audit/use-audit-keys';
import { HelpOverlay } from '../components/HelpOverlay';
import { KeyHints } from '../components/KeyHints';
import { LastScan } from '../components/LastScan';
import { LogoutConfirm } from '../components/LogoutConfirm';
import { RecentRxModal } from '../components/RecentRxModal';
import { RegionModal } from '../components/RegionModal';
import { SandboxBanner } from '../components/SandboxBanner';
import { TopBar } from '../components/TopBar';
import { useFunctionKeys } from '../keyboard/use-function-keys';
import { usePaperStore } from '../paper/paper-store';
import { usePaperKeys } from '../paper/use-paper-keys';
import { useReportKeys } from '../reports/use-report-keys';
import { useRiskKeys } from '../risk/use-risk-keys';
import { useScannerCapture } from '../scanner/use-scanner-capture';
import { ScannerTestModal } from '../scanner-test/ScannerTestModal';
import { CounterScreen } from '../screens/CounterScreen';
import { DispenseScreen } from '../screens/DispenseScreen';
import { LoginScreen } from '../screens/LoginScreen';
import { PrescriptionScreen } from '../screens/PrescriptionScreen';
import { SaleScreen } from '../screens/SaleScreen';
import { StockScreen } from '../stock/StockScreen';
import { useStockStore } from '../stock/stock-store';
import { useStockKeys } from '../stock/use-stock-keys';
import { useOutboxStore } from '../stores/outbox-store';
import { usePatientStore } from '../stores/patient-store';
import { usePrescriptionStore } from '../stores/prescription-store';
import { useReviewStore } from '../stores/review-store';
import { useScanStore } from '../stores/scan-store';
import { useSessionStore } from '../stores/session-store';
import { useUiStore } from '../stores/ui-store';

// Heavy features load after sign-in, off the path to the login screen's first paint (issue 20).
const PaperScreen = lazy(() =>
  import('../paper/PaperScreen').then((m) => ({ default: m.PaperScreen })),
);
const RiskScreen = lazy(() =>
  import('../risk/RiskScreen').then((m) => ({ default: m.RiskScreen })),
);
const ReportsScreen = lazy(() =>
  import('../reports/ReportsScreen').then((m) => ({ default: m.ReportsScreen })),
);

function SignedIn() {
  const screen = useUiStore((s) => s.screen);
  return (
    <>
      {screen === 'prescription' && <PrescriptionScreen />}
      {screen === 'dispense' && <DispenseScreen />}
      {screen === 'counter' && <CounterScreen />}
      {screen === 'sale' && <SaleScreen />}
      <RecentRxModal />
      <RegionModal />
      <Suspense fallback={null}>
        <PaperScreen />
      </Suspense>
      <StockScreen />
      <Suspense fallback={null}>
        <RiskScreen />
        <ReportsScreen />
      </Suspense>
      <AuditModal />
    </>
  );
}

export function App() {
  const info = useSessionStore((s) => s.info);
  const session = useSessionStore((s) => s.session);
  const screen = useUiStore((s) => s.screen);
  useScannerCapture();
  useFunctionKeys();
  useStockKeys();
  usePaperKeys();
  useRiskKeys();
  useReportKeys();
  useAuditKeys();

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
    usePaperStore.getState().close();
    useStockStore.getState().close();
    if (!session) useOutboxStore.getState().reset();
  }, [session]);

  return (
    <div className="app">
      {info?.sandbox && <SandboxBanner />}
      <TopBar info={info} session={session} />
      {session ? <SignedIn /> : <LoginScreen />}
      <footer className="app-footer">
        <KeyHints signedIn={session !== null} screen={screen} />
        <LastScan />
      </footer>
      <HelpOverlay />
      <LogoutConfirm />
      <ScannerTestModal />
    </div>
  );
}
