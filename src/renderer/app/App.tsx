import { useEffect } from 'react';
import { HelpOverlay } from '../components/HelpOverlay';
import { KeyHints } from '../components/KeyHints';
import { LastScan } from '../components/LastScan';
import { SandboxBanner } from '../components/SandboxBanner';
import { TopBar } from '../components/TopBar';
import { useFunctionKeys } from '../keyboard/use-function-keys';
import { useScannerCapture } from '../scanner/use-scanner-capture';
import { CounterScreen } from '../screens/CounterScreen';
import { LoginScreen } from '../screens/LoginScreen';
import { useOutboxStore } from '../stores/outbox-store';
import { usePatientStore } from '../stores/patient-store';
import { useSessionStore } from '../stores/session-store';

export function App() {
  const info = useSessionStore((s) => s.info);
  const session = useSessionStore((s) => s.session);
  useScannerCapture();
  useFunctionKeys();

  useEffect(() => {
    void useSessionStore.getState().loadInfo();
  }, []);

  // Nothing of one staff member's work (or of the login screen) stays on screen for the next.
  useEffect(() => {
    usePatientStore.getState().clear();
    if (!session) useOutboxStore.getState().reset();
  }, [session]);

  return (
    <div className="app">
      {info?.sandbox && <SandboxBanner />}
      <TopBar info={info} session={session} />
      {session ? <CounterScreen /> : <LoginScreen />}
      <footer className="app-footer">
        <KeyHints signedIn={session !== null} />
        <LastScan />
      </footer>
      <HelpOverlay />
    </div>
  );
}
