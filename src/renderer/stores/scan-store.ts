import { create } from 'zustand';
import { BURST_DEFAULTS } from '../../domain/scan/burst-detector';
import type { ScanKind } from '../../domain/scan/classify';
import { MAX_INTER_KEY_LIMITS } from '../../domain/scan/scan-timing';

export interface LastScan {
  text: string;
  kind: ScanKind;
  keyCount: number;
  durationMs: number;
  /** Slowest pause between two keys: what tuning maxInterKeyMs for a slow scanner needs. */
  maxGapMs: number | null;
}

export interface ScannerOptions {
  maxInterKeyMs: number;
  minLength: number;
}

/** Per-counter scanner tuning (slow scanners type ~80 ms per key); the settings page will write it. */
const STORAGE_KEY = 'epc.scanner.options';
const LIMITS = { maxInterKeyMs: MAX_INTER_KEY_LIMITS, minLength: [4, 64] } as const;

const DEFAULTS: ScannerOptions = {
  maxInterKeyMs: BURST_DEFAULTS.maxInterKeyMs,
  minLength: BURST_DEFAULTS.minLength,
};

function bounded(value: unknown, [lo, hi]: readonly [number, number], fallback: number): number {
  return typeof value === 'number' && Number.isInteger(value) && value >= lo && value <= hi
    ? value
    : fallback;
}

function normalise(
  raw: Partial<Record<keyof ScannerOptions, unknown>>,
  base: ScannerOptions,
): ScannerOptions {
  return {
    maxInterKeyMs: bounded(raw.maxInterKeyMs, LIMITS.maxInterKeyMs, base.maxInterKeyMs),
    minLength: bounded(raw.minLength, LIMITS.minLength, base.minLength),
  };
}

function loadOptions(): ScannerOptions {
  try {
    const text = globalThis.localStorage?.getItem(STORAGE_KEY);
    return text ? normalise(JSON.parse(text) as Record<string, unknown>, DEFAULTS) : DEFAULTS;
  } catch {
    return DEFAULTS;
  }
}

function saveOptions(options: ScannerOptions): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, JSON.stringify(options));
  } catch {
    // storage unavailable: the tuning lasts for this session only
  }
}

interface ScanState {
  lastScan: LastScan | null;
  options: ScannerOptions;
  record(scan: LastScan): void;
  /** Forgets the last scan: nothing of one staff member's scans stays on screen for the next. */
  clear(): void;
  /** Out-of-range values are ignored, keeping the current ones. */
  setOptions(options: Partial<ScannerOptions>): void;
}

export const useScanStore = create<ScanState>((set, get) => ({
  lastScan: null,
  options: loadOptions(),
  record: (lastScan) => set({ lastScan }),
  clear: () => set({ lastScan: null }),
  setOptions(partial) {
    const options = normalise(partial, get().options);
    saveOptions(options);
    set({ options });
  },
}));
