import { useEffect } from 'react';
import { useScanStore } from '../stores/scan-store';
import { domCaptureHost } from './dom-field';
import { routeScan } from './route-scan';
import { ScanCapture } from './scan-capture';

/**
 * Installs the global scanner capture on window in the capture phase, so it sees every key
 * before any field or shortcut handler, whatever has focus.
 */
export function useScannerCapture(): void {
  const options = useScanStore((s) => s.options);
  useEffect(() => {
    const capture = new ScanCapture(domCaptureHost(window), routeScan, options, (maxInterKeyMs) =>
      useScanStore.getState().setOptions({ maxInterKeyMs }),
    );
    const listener = (ev: KeyboardEvent) => capture.handleKeyDown(ev);
    window.addEventListener('keydown', listener, { capture: true });
    return () => {
      window.removeEventListener('keydown', listener, { capture: true });
      capture.dispose();
    };
  }, [options]);
}
