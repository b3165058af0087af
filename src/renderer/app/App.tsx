import { useEffect } from 'react';
import { AuditModal } from '../audit/AuditModal';
import { useAuditKeys } from '../audit/use-audit-keys';
import { HelpOverlay } from '../components/HelpOverlay';
import { KeyHints } from '../components/KeyHints';
import { LastScan } from '../components/LastScan';
import { SandboxBanner } from '../components/SandboxBanner';
import { TopBar } from '../components/TopBar';
import { CounterScreen } from '../counter/CounterScreen';
import { usePatientStore } from '../counter/patient-store';
import { DispenseScreen } from '../dispense/DispenseScreen';
import { useFunctionKeys } from '../keyboard/use-function-keys';
import { useNavigation } from '../navigation/navigation-store';
import { useOutboxStore } from '../outbox/outbox-store';
import { PaperScreen } from '../paper/PaperScreen';
import { usePaperKeys } from '../paper/use-paper-keys';
import { PrescriptionScreen } from '../prescription/PrescriptionScreen';
import { usePrescriptionStore } from '../prescription/prescription-store';
import { RecentRxModal } from '../prescription/RecentRxModal';
import { RegionModal } from '../region/RegionModal';
import { ReportsScreen } from '../reports/ReportsScreen';
import { useReportKeys } from '../reports/use-report-keys';
import { useReviewStore } from '../review/review-store';
import { RiskScreen } from '../risk/RiskScreen';
import { useRiskKeys } from '../risk/use-risk-keys';
import { SaleScreen } from '../sale/SaleScreen';
import { useScannerCapture } from '../scanner/use-scanner-capture';
import { ScannerTestModal } from '../scanner-test/ScannerTestModal';
import { LoginScreen } from '../session/LoginScreen';
import { LogoutConfirm } from '../session/LogoutConfirm';
import { StockScreen } from '../stock/StockScreen';
import { useStockKeys } from '../stock/use-stock-keys';
import { useScanStore } from '../stores/scan-store';
import { useSessionStore } from '../stores/session-store';
import { useUiStore } from '../stores/ui-store';

function SignedIn() {
  const screen = useNavigation((s) => s.screen);
  return (
    <>
      {screen === 'prescription' && <PrescriptionScreen />}
      {screen === 'dispense' && <DispenseScreen />}
      {screen === 'counter' && <CounterScreen />}
      {screen === 'sale' && <SaleScreen />}
      <RecentRxModal />
      <RegionModal />
      <PaperScreen />
      <StockScreen />
      <RiskScreen />
      <ReportsScreen />
      <AuditModal />
    </>
  );
}

export function App() {
  const info = useSessionStore((s) => s.info);
  const session = useSessionStore((s) => s.session);
  const screen = useNavigation((s) => s.screen);
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
    useNavigation.getState().reset();
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
