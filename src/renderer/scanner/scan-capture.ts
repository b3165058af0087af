import { BurstDetector, type BurstOptions, type BurstStep } from '../../domain/scan/burst-detector';
import { learnedMaxInterKeyMs, SLOW_SCANNER_MAX_GAP_MS } from '../../domain/scan/scan-timing';

/** The parts of a DOM KeyboardEvent the capture uses (a plain object in unit tests). */
export interface KeyEventLike {
  code: string;
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
  repeat: boolean;
  timeStamp: number;
  preventDefault(): void;
  stopPropagation(): void;
}

export interface FieldState {
  value: string;
  selectionStart: number | null;
  selectionEnd: number | null;
}

/** A focused text field the first key(s) of a burst may have landed in. */
export interface FieldHandle {
  read(): FieldState;
  /** Sets value and selection so that a framework (React) sees the change. */
  write(state: FieldState): void;
  isFocused(): boolean;
}

export interface CaptureHost {
  focusedField(): FieldHandle | null;
  /** A password field has focus: its keys are a secret being typed, never a scan. */
  secretFieldFocused(): boolean;
  /** Same clock as KeyEventLike.timeStamp. */
  now(): number;
  /** Wall-clock time of a scan (a GS1 expiry's century). */
  today(): Date;
  setTimer(fn: () => void, ms: number): number;
  clearTimer(id: number): void;
}

export type ScanOutcome = Extract<BurstStep, { status: 'complete' | 'rejected' }>;

/** After an IME took keys of a burst, it may commit them into the field later; undo that too. */
const IME_RESTORE_DELAYS_MS = [0, 50, 150];

/**
 * Global keyboard-wedge capture: feeds every keydown to a BurstDetector, swallows the keys of a
 * burst (from its second key on) and its terminator, puts back the field the first key landed in,
 * and gives back swallowed keys when the run turns out to be a fast human after all.
 */
export class ScanCapture {
  private detector: BurstDetector;
  /** Watches the same keys at a slow scanner's pace, to learn its timing from its first scan. */
  private slow: BurstDetector;
  private snapshot: { field: FieldHandle; state: FieldState } | null = null;
  private slowSnapshot: { field: FieldHandle; state: FieldState } | null = null;
  private swallowed: string[] = [];
  private imeSeen = false;
  private timer: number | null = null;

  constructor(
    private readonly host: CaptureHost,
    private readonly onScan: (outcome: ScanOutcome) => void,
    options: Partial<BurstOptions> = {},
    /** A scan slower than maxInterKeyMs was recognised: the threshold that captures this scanner. */
    private readonly onLearn: (maxInterKeyMs: number) => void = () => undefined,
  ) {
    this.detector = new BurstDetector(options);
    this.slow = slowDetector(options);
  }

  setOptions(options: Partial<BurstOptions>): void {
    this.giveBack();
    this.detector = new BurstDetector(options);
    this.slow = slowDetector(options);
  }

  readonly handleKeyDown = (ev: KeyEventLike): void => {
    if (this.host.secretFieldFocused()) {
      // A password manager or badge types as fast as a scanner; its keys stay in the field.
      this.detector.clear();
      this.slow.clear();
      this.forget();
      return;
    }
    const slowStep = this.slow.feed(ev);
    if (slowStep.status === 'pending' && slowStep.keyCount === 1) {
      const field = this.host.focusedField();
      this.slowSnapshot = field ? { field, state: field.read() } : null;
    }
    const step = this.detector.feed(ev);
    if (step.dropped) this.giveBack();
    switch (step.status) {
      case 'ignored':
        return;
      case 'not-burst':
        this.forget();
        if (slowStep.status === 'complete') this.learnFrom(slowStep, ev);
        return;
      case 'pending':
        if (!step.inBurst) {
          this.forget();
          this.takeSnapshot();
          if (ev.key === 'Process') this.imeSeen = true;
        } else {
          swallow(ev);
          if (ev.key === 'Process') this.imeSeen = true;
          else if ([...ev.key].length === 1 && !ev.ctrlKey && !ev.altKey)
            this.swallowed.push(ev.key);
        }
        this.arm();
        return;
      case 'complete':
      case 'rejected':
        swallow(ev);
        if (ev.key === 'Process') this.imeSeen = true;
        this.putBackField();
        this.forget();
        this.onScan(step);
        return;
    }
  };

  /** A slow scanner's scan typed into a field: take it out again, learn the pace, act on it. */
  private learnFrom(run: Extract<BurstStep, { status: 'complete' }>, ev: KeyEventLike): void {
    const learned = learnedMaxInterKeyMs(
      run,
      this.detector.options.maxInterKeyMs,
      this.host.today(),
    );
    if (learned === null) return;
    swallow(ev);
    const snap = this.slowSnapshot;
    if (snap && snap.field.read().value !== snap.state.value) snap.field.write(snap.state);
    this.slowSnapshot = null;
    this.onScan(run);
    this.onLearn(learned);
  }

  dispose(): void {
    this.disarm();
    this.detector.clear();
    this.slow.clear();
    this.forget();
  }

  private takeSnapshot(): void {
    const field = this.host.focusedField();
    this.snapshot = field ? { field, state: field.read() } : null;
  }

  /** Undoes what the first key(s) of a burst typed into the focused field. */
  private putBackField(): void {
    const snap = this.snapshot;
    if (!snap) return;
    const restore = () => {
      if (snap.field.read().value !== snap.state.value) snap.field.write(snap.state);
    };
    restore();
    if (this.imeSeen) for (const ms of IME_RESTORE_DELAYS_MS) this.host.setTimer(restore, ms);
  }

  /** A fast run that was not a scan: type the keys we swallowed into the field they were meant for. */
  private giveBack(): void {
    const text = this.swallowed.join('');
    this.swallowed = [];
    const field = this.snapshot?.field;
    if (!text || !field?.isFocused()) return;
    const { value, selectionStart, selectionEnd } = field.read();
    const start = selectionStart ?? value.length;
    const end = selectionEnd ?? start;
    const caret = start + text.length;
    field.write({
      value: value.slice(0, start) + text + value.slice(end),
      selectionStart: caret,
      selectionEnd: caret,
    });
  }

  private forget(): void {
    this.disarm();
    this.swallowed = [];
    this.snapshot = null;
    this.imeSeen = false;
  }

  private arm(): void {
    this.disarm();
    this.timer = this.host.setTimer(() => {
      this.timer = null;
      const r = this.detector.expire(this.host.now());
      if (!r.expired) return this.arm();
      if (r.dropped) this.giveBack();
      this.forget();
    }, this.detector.options.maxInterKeyMs + 10);
  }

  private disarm(): void {
    if (this.timer !== null) this.host.clearTimer(this.timer);
    this.timer = null;
  }
}

function slowDetector(options: Partial<BurstOptions>): BurstDetector {
  return new BurstDetector({ ...options, maxInterKeyMs: SLOW_SCANNER_MAX_GAP_MS });
}

/**
 * Keeps a key out of fields and shortcut handlers. stopPropagation (not stopImmediatePropagation):
 * the capture listener on window runs first, so nothing further down sees the key, while other
 * window capture listeners (diagnostics, tests observing raw keys) still can.
 */
function swallow(ev: KeyEventLike): void {
  ev.preventDefault();
  ev.stopPropagation();
}
