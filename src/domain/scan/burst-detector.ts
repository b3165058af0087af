import {
  decodeControlKey,
  decodeKey,
  GS,
  isModifierCode,
  isTerminatorCode,
  numpadDigit,
} from './keycode-map';

/** The parts of a keydown the detector needs. `key` is never read: it is garbled by IMEs and layouts. */
export interface ScanKeyInput {
  code: string;
  shiftKey: boolean;
  /** Milliseconds, same clock for every event (KeyboardEvent.timeStamp). */
  timeStamp: number;
  ctrlKey?: boolean;
  altKey?: boolean;
  metaKey?: boolean;
  /** Auto-repeat of a held key: a human, even though it is fast. */
  repeat?: boolean;
}

export interface BurstOptions {
  /** Longest pause between two keys of one scan. Scanners type every 1–10 ms, some every 30–80 ms. */
  maxInterKeyMs: number;
  /** Fewer characters than this before the terminator are not a scan. */
  minLength: number;
  /** Characters kept; a longer scan is rejected (scan input is hostile input). */
  maxLength: number;
}

export const BURST_DEFAULTS: Readonly<BurstOptions> = {
  maxInterKeyMs: 35,
  minLength: 6,
  maxLength: 512,
};

export type BurstRejection = 'garbage' | 'too-long';

export type BurstStep =
  /** The key was taken into a candidate. `inBurst`: it followed the previous key fast enough to be a scanner. */
  | { status: 'pending'; inBurst: boolean; keyCount: number; dropped: boolean }
  | {
      status: 'complete';
      text: string;
      keyCount: number;
      durationMs: number;
      /** Slowest pause inside the scan: what a scanner test page shows to tune maxInterKeyMs. */
      maxGapMs: number;
      minGapMs: number;
      avgGapMs: number;
      terminator: string;
      dropped: false;
    }
  | {
      status: 'rejected';
      reason: BurstRejection;
      /** Chinese, for the counter. */
      message: string;
      /** The printable part that was kept (bounded), for diagnosis only. */
      text: string;
      keyCount: number;
      durationMs: number;
      dropped: false;
    }
  /** Human input. `dropped`: a fast candidate that had begun was abandoned by this key. */
  | { status: 'not-burst'; dropped: boolean }
  /** Modifier keys (Shift, CapsLock…) neither extend nor break a candidate. */
  | { status: 'ignored'; dropped: false };

/**
 * Tells keyboard-wedge scanner bursts from human typing by the pause between keys. Feed it every
 * keydown; it answers what that key was part of. A candidate is a run of keys each within
 * maxInterKeyMs of the one before; from its second key it is "in a burst" (the caller swallows
 * keys from then on); it completes at Enter/NumpadEnter/Tab with at least minLength keys.
 * GS (the GS1 separator) arrives as Ctrl+] or as Alt+numpad 0,2,9; both become one character.
 * Pure: no DOM, no clock of its own.
 */
export class BurstDetector {
  readonly options: Readonly<BurstOptions>;
  private chars: string[] = [];
  private keyCount = 0;
  private garbage = 0;
  private overflow = false;
  private firstAt = 0;
  private lastAt = 0;
  private maxGap = 0;
  private minGap = Number.POSITIVE_INFINITY;
  private altCode = '';

  constructor(options: Partial<BurstOptions> = {}) {
    const o = { ...BURST_DEFAULTS, ...options };
    if (!(o.maxInterKeyMs > 0) || !(o.minLength >= 2) || !(o.maxLength >= o.minLength)) {
      throw new RangeError('扫码参数无效：maxInterKeyMs>0，minLength≥2，maxLength≥minLength');
    }
    this.options = o;
  }

  /** True while a candidate of two or more fast keys is open: its keys are being swallowed. */
  get inBurst(): boolean {
    return this.keyCount >= 2;
  }

  feed(ev: ScanKeyInput): BurstStep {
    if (isModifierCode(ev.code)) return { status: 'ignored', dropped: false };

    let dropped = false;
    const gap = Math.max(0, ev.timeStamp - this.lastAt);
    if (this.keyCount > 0 && gap > this.options.maxInterKeyMs) dropped = this.clear();

    const altDigit = ev.altKey && !ev.ctrlKey && !ev.metaKey ? numpadDigit(ev.code) : null;
    const control = ev.ctrlKey && !ev.altKey && !ev.metaKey ? decodeControlKey(ev.code) : null;
    if (ev.repeat || ((ev.ctrlKey || ev.altKey || ev.metaKey) && altDigit === null && !control)) {
      dropped = this.clear() || dropped;
      return { status: 'not-burst', dropped };
    }

    if (altDigit !== null) {
      this.altCode += altDigit;
      if (this.keyCount === 0) this.firstAt = ev.timeStamp;
      this.take(ev.timeStamp, gap);
      return { status: 'pending', inBurst: this.inBurst, keyCount: this.keyCount, dropped };
    }
    this.flushAltCode();

    if (isTerminatorCode(ev.code)) return this.terminate(ev, gap, dropped);

    const ch = control ?? decodeKey(ev.code, ev.shiftKey);
    if (ch === null) {
      // A stray non-printable key inside a fast run is scanner garbage; otherwise a human key.
      if (!this.inBurst) {
        dropped = this.clear() || dropped;
        return { status: 'not-burst', dropped };
      }
      this.garbage++;
      this.take(ev.timeStamp, gap);
      return { status: 'pending', inBurst: true, keyCount: this.keyCount, dropped };
    }

    if (this.keyCount === 0) this.firstAt = ev.timeStamp;
    this.push(ch);
    this.take(ev.timeStamp, gap);
    return { status: 'pending', inBurst: this.inBurst, keyCount: this.keyCount, dropped };
  }

  /**
   * Called by a timer when no key came: abandons a candidate whose last key is older than
   * maxInterKeyMs. Answers whether a candidate in a burst was dropped (its swallowed keys need
   * giving back).
   */
  expire(now: number): { dropped: boolean; expired: boolean } {
    if (this.keyCount === 0) return { dropped: false, expired: true };
    if (now - this.lastAt <= this.options.maxInterKeyMs) return { dropped: false, expired: false };
    return { dropped: this.clear(), expired: true };
  }

  /** Forgets any candidate; answers whether it was in a burst. */
  clear(): boolean {
    const wasBurst = this.inBurst;
    this.chars = [];
    this.keyCount = 0;
    this.garbage = 0;
    this.overflow = false;
    this.maxGap = 0;
    this.minGap = Number.POSITIVE_INFINITY;
    this.altCode = '';
    return wasBurst;
  }

  private push(ch: string): void {
    if (this.chars.length < this.options.maxLength) this.chars.push(ch);
    else this.overflow = true;
  }

  /** An Alt+numpad character code ends at the next key: GS is kept, anything else is garbage. */
  private flushAltCode(): void {
    if (this.altCode === '') return;
    if (Number(this.altCode) === GS.charCodeAt(0)) this.push(GS);
    else this.garbage++;
    this.altCode = '';
  }

  private take(at: number, gap: number): void {
    if (this.keyCount > 0) {
      this.maxGap = Math.max(this.maxGap, gap);
      this.minGap = Math.min(this.minGap, gap);
    }
    this.keyCount++;
    this.lastAt = at;
  }

  private terminate(ev: ScanKeyInput, gap: number, droppedBefore: boolean): BurstStep {
    if (this.keyCount < this.options.minLength) {
      const dropped = this.clear() || droppedBefore;
      return { status: 'not-burst', dropped };
    }
    const keyCount = this.keyCount;
    const durationMs = Math.max(0, ev.timeStamp - this.firstAt);
    const maxGapMs = Math.max(this.maxGap, gap);
    const minGapMs = Math.min(this.minGap, gap);
    const avgGapMs = durationMs / keyCount;
    const text = this.chars.join('');
    const garbage = this.garbage;
    const overflow = this.overflow;
    this.clear();
    if (garbage > 0) {
      return {
        status: 'rejected',
        reason: 'garbage',
        message: `扫码数据中有 ${garbage} 个无法识别的按键，已拒收。请检查扫码枪是否为键盘模式、美式键盘布局后重扫`,
        text,
        keyCount,
        durationMs,
        dropped: false,
      };
    }
    if (overflow) {
      return {
        status: 'rejected',
        reason: 'too-long',
        message: `扫码数据超过 ${this.options.maxLength} 个字符，已拒收`,
        text,
        keyCount,
        durationMs,
        dropped: false,
      };
    }
    return {
      status: 'complete',
      text,
      keyCount,
      durationMs,
      maxGapMs,
      minGapMs,
      avgGapMs,
      terminator: ev.code,
      dropped: false,
    };
  }
}
