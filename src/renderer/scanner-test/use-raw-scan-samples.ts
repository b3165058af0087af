import { useEffect, useState } from 'react';
import { analyseSample, type RawKey, type ScanSample } from '../../domain/scan/scan-sample';

/** A scan is over once no key came for this long (the slowest scanners type every ~80 ms). */
const IDLE_MS = 400;
const MAX_KEYS = 600;

/**
 * While active, records every keydown on window (capture phase, beside the scanner capture, which
 * leaves other window listeners alone) and turns each run of keys into an analysed sample.
 */
export function useRawScanSamples(active: boolean): ScanSample | null {
  const [sample, setSample] = useState<ScanSample | null>(null);
  useEffect(() => {
    if (!active) return;
    let keys: RawKey[] = [];
    let timer: number | undefined;
    const finish = () => {
      if (keys.length > 0) setSample(analyseSample(keys, new Date()));
      keys = [];
    };
    const listener = (ev: KeyboardEvent) => {
      if (ev.code === 'Escape' || /^F\d+$/.test(ev.code)) return;
      if (keys.length < MAX_KEYS) {
        keys.push({
          code: ev.code,
          key: ev.key,
          shiftKey: ev.shiftKey,
          ctrlKey: ev.ctrlKey,
          altKey: ev.altKey,
          timeStamp: ev.timeStamp,
          capsLock: ev.getModifierState?.('CapsLock') ?? false,
        });
      }
      window.clearTimeout(timer);
      timer = window.setTimeout(finish, IDLE_MS);
    };
    window.addEventListener('keydown', listener, { capture: true });
    return () => {
      window.removeEventListener('keydown', listener, { capture: true });
      window.clearTimeout(timer);
    };
  }, [active]);
  return sample;
}
