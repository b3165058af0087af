import { describe, expect, it } from 'vitest';
import {
  type CaptureHost,
  type FieldHandle,
  type FieldState,
  type KeyEventLike,
  ScanCapture,
  type ScanOutcome,
} from '../../../src/renderer/scanner/scan-capture';
import { keyFor } from './keys';

/** A text field and a browser that types every key nobody prevented, plus hand-driven timers. */
class FakePage {
  field: FieldState & { focused: boolean } = {
    value: '',
    selectionStart: 0,
    selectionEnd: 0,
    focused: true,
  };
  /** The focused field is a password field. */
  secret = false;
  writes = 0;
  passedTerminators: string[] = [];
  clock = 0;
  private timers = new Map<number, { at: number; fn: () => void }>();
  private nextId = 1;

  readonly handle: FieldHandle = {
    read: () => ({
      value: this.field.value,
      selectionStart: this.field.selectionStart,
      selectionEnd: this.field.selectionEnd,
    }),
    write: (s) => {
      this.writes++;
      Object.assign(this.field, s);
    },
    isFocused: () => this.field.focused,
  };

  readonly host: CaptureHost = {
    focusedField: () => (this.field.focused ? this.handle : null),
    secretFieldFocused: () => this.field.focused && this.secret,
    now: () => this.clock,
    today: () => new Date('2026-12-06T10:00:00+08:00'),
    setTimer: (fn, ms) => {
      const id = this.nextId++;
      this.timers.set(id, { at: this.clock + ms, fn });
      return id;
    },
    clearTimer: (id) => {
      this.timers.delete(id);
    },
  };

  /** Advances the clock, running due timers in order. */
  advance(to: number): void {
    for (;;) {
      const due = [...this.timers.entries()]
        .filter(([, t]) => t.at <= to)
        .sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      this.timers.delete(due[0]);
      this.clock = due[1].at;
      due[1].fn();
    }
    this.clock = to;
  }

  /** Dispatches one keydown at time `t` through the capture, then lets the "browser" act on it. */
  press(
    capture: ScanCapture,
    code: string,
    shiftKey: boolean,
    key: string,
    t: number,
    ctrlKey = false,
  ): { prevented: boolean } {
    this.advance(t);
    let prevented = false;
    const ev: KeyEventLike = {
      code,
      key,
      shiftKey,
      ctrlKey,
      altKey: false,
      metaKey: false,
      repeat: false,
      timeStamp: t,
      preventDefault: () => {
        prevented = true;
      },
      stopPropagation: () => undefined,
    };
    capture.handleKeyDown(ev);
    if (!prevented) {
      if (key.length === 1 && this.field.focused && !ctrlKey) this.typeIntoField(key);
      if (code === 'Enter' || code === 'Tab') this.passedTerminators.push(code);
    }
    return { prevented };
  }

  typeIntoField(text: string): void {
    const { value, selectionStart, selectionEnd } = this.field;
    const s = selectionStart ?? value.length;
    const e = selectionEnd ?? s;
    this.field.value = value.slice(0, s) + text + value.slice(e);
    this.field.selectionStart = this.field.selectionEnd = s + text.length;
  }

  /** Types `text` `perKeyMs` apart from `start`; returns the time after the last key. */
  type(
    capture: ScanCapture,
    text: string,
    perKeyMs: number,
    start: number,
    keyOverride?: string,
  ): number {
    let t = start;
    for (const ch of text) {
      const k = keyFor(ch);
      this.press(capture, k.code, k.shiftKey, keyOverride ?? ch, t);
      t += perKeyMs;
    }
    return t;
  }
}

function setup(initial = '') {
  const page = new FakePage();
  page.field.value = initial;
  page.field.selectionStart = page.field.selectionEnd = initial.length;
  const scans: ScanOutcome[] = [];
  const capture = new ScanCapture(page.host, (o) => scans.push(o));
  return { page, scans, capture };
}

const TOKEN = 'Qx7Lm2Np9Rs4Tv6Wy8Za1Bc3';

describe('scanner capture (keys in the focused field)', () => {
  it('captures a 1 ms burst whatever has focus and leaves the focused field as it was [R-AUTH][ST-EPC-02-001]', () => {
    const { page, scans, capture } = setup('500101');
    const t = page.type(capture, TOKEN, 1, 100);
    const enter = page.press(capture, 'Enter', false, 'Enter', t);
    expect(enter.prevented).toBe(true);
    expect(page.passedTerminators).toEqual([]);
    expect(page.field.value).toBe('500101');
    expect(page.field.selectionStart).toBe(6);
    expect(scans).toHaveLength(1);
    expect(scans[0]).toMatchObject({ status: 'complete', text: TOKEN, keyCount: TOKEN.length });
  });

  it('never takes keys typed into a password field as a scan, however fast, and leaves them in the field [R-AUTH][issue19-4]', () => {
    const { page, scans, capture } = setup();
    page.secret = true;
    const t = page.type(capture, 'demo1234', 2, 0);
    expect(page.press(capture, 'Enter', false, 'Enter', t).prevented).toBe(false);
    page.advance(t + 500);
    expect(scans).toEqual([]);
    expect(page.field.value).toBe('demo1234');
    expect(page.passedTerminators).toEqual(['Enter']);
  });

  it('learns a 50 ms/key scanner from its first scan: the token leaves the opinion field, is routed as a scan, and the next scan is captured [R-OPINION][issue19-5]', () => {
    const { page, scans } = setup('处方合理');
    const learned: number[] = [];
    const slowCapture = new ScanCapture(
      page.host,
      (o) => scans.push(o),
      {},
      (ms) => learned.push(ms),
    );
    const t = page.type(slowCapture, TOKEN, 50, 100);
    expect(page.press(slowCapture, 'Enter', false, 'Enter', t).prevented).toBe(true);
    expect(page.field.value).toBe('处方合理');
    expect(page.passedTerminators).toEqual([]);
    expect(scans).toMatchObject([{ status: 'complete', text: TOKEN }]);
    expect(learned).toHaveLength(1);
    const [maxInterKeyMs = 0] = learned;
    expect(maxInterKeyMs).toBeGreaterThan(50);

    const next = new ScanCapture(page.host, (o) => scans.push(o), { maxInterKeyMs });
    const t2 = page.type(next, TOKEN, 50, t + 2000);
    expect(page.press(next, 'Enter', false, 'Enter', t2).prevented).toBe(true);
    expect(page.field.value).toBe('处方合理');
    expect(scans).toHaveLength(2);
  });

  it('does not learn from a person typing an ordinary text at 90 ms per key [issue19-5]', () => {
    const { page, scans } = setup();
    const learned: number[] = [];
    const capture = new ScanCapture(
      page.host,
      (o) => scans.push(o),
      {},
      (ms) => learned.push(ms),
    );
    const t = page.type(capture, 'patient asks for a refill', 90, 0);
    expect(page.press(capture, 'Enter', false, 'Enter', t).prevented).toBe(false);
    expect(scans).toEqual([]);
    expect(learned).toEqual([]);
    expect(page.field.value).toBe('patient asks for a refill');
  });

  it('swallows a Tab terminator so focus does not move [ARCH]', () => {
    const { page, scans, capture } = setup();
    const t = page.type(capture, TOKEN, 2, 0);
    expect(page.press(capture, 'Tab', false, 'Tab', t).prevented).toBe(true);
    expect(page.passedTerminators).toEqual([]);
    expect(scans[0]).toMatchObject({ status: 'complete', text: TOKEN, terminator: 'Tab' });
  });

  it('leaves slow human typing alone, Enter included [ARCH]', () => {
    const { page, scans, capture } = setup();
    const t = page.type(capture, '500101199001011234', 80, 0);
    expect(page.press(capture, 'Enter', false, 'Enter', t).prevented).toBe(false);
    expect(page.field.value).toBe('500101199001011234');
    expect(page.passedTerminators).toEqual(['Enter']);
    expect(scans).toEqual([]);
    expect(page.writes).toBe(0);
  });

  it('gives back a key swallowed during a fast human roll-over before the next key lands [ARCH]', () => {
    const { page, capture } = setup();
    page.press(capture, 'KeyA', false, 'a', 0);
    expect(page.press(capture, 'KeyB', false, 'b', 12).prevented).toBe(true);
    page.press(capture, 'KeyC', false, 'c', 30);
    page.press(capture, 'KeyD', false, 'd', 200);
    expect(page.field.value).toBe('abcd');
  });

  it('gives back swallowed keys when the run simply stops (timer) [ARCH]', () => {
    const { page, capture } = setup('x');
    page.press(capture, 'KeyA', false, 'a', 0);
    page.press(capture, 'KeyB', false, 'b', 5);
    page.press(capture, 'KeyC', false, 'c', 9);
    expect(page.field.value).toBe('xa');
    page.advance(500);
    expect(page.field.value).toBe('xabc');
  });

  it('gives back a short fast run and lets its Enter through [ARCH]', () => {
    const { page, scans, capture } = setup();
    const t = page.type(capture, 'abc', 5, 0);
    expect(page.press(capture, 'Enter', false, 'Enter', t).prevented).toBe(false);
    expect(page.field.value).toBe('abc');
    expect(page.passedTerminators).toEqual(['Enter']);
    expect(scans).toEqual([]);
  });

  it('decodes IME keys (key "Process") from the physical key and undoes a late IME commit [R-AUTH][ST-EPC-02-001]', () => {
    const { page, scans, capture } = setup('张');
    const t = page.type(capture, TOKEN, 1, 0, 'Process');
    page.press(capture, 'Enter', false, 'Process', t);
    expect(scans[0]).toMatchObject({ status: 'complete', text: TOKEN });
    // the IME commits its composition after our keydown handler ran
    page.field.value = `张${TOKEN.toLowerCase()}`;
    page.advance(t + 500);
    expect(page.field.value).toBe('张');
  });

  it('rejects a garbage burst without touching the field [ARCH]', () => {
    const { page, scans, capture } = setup('abc');
    let t = page.type(capture, 'A1B2C3', 1, 0);
    page.press(capture, 'ArrowDown', false, 'ArrowDown', t++);
    t = page.type(capture, 'D4E5F6', 1, t);
    expect(page.press(capture, 'Enter', false, 'Enter', t).prevented).toBe(true);
    expect(page.field.value).toBe('abc');
    expect(scans[0]).toMatchObject({ status: 'rejected', reason: 'garbage' });
  });

  it('captures a burst with no text field focused [R-AUTH][ST-EPC-02-001]', () => {
    const { page, scans, capture } = setup();
    page.field.focused = false;
    const t = page.type(capture, TOKEN, 1, 0);
    expect(page.press(capture, 'Enter', false, 'Enter', t).prevented).toBe(true);
    expect(scans[0]).toMatchObject({ status: 'complete', text: TOKEN });
  });

  it('captures a GS1 element string with GS typed as Ctrl+] under an IME, field untouched [R-TRACE]', () => {
    const { page, scans, capture } = setup('合理');
    let t = page.type(capture, ']d20106901500011739', 1, 0, 'Process');
    expect(page.press(capture, 'BracketRight', false, 'Process', t++, true).prevented).toBe(true);
    t = page.type(capture, '21PACK1', 1, t, 'Process');
    page.press(capture, 'Enter', false, 'Process', t);
    page.advance(t + 500);
    expect(scans[0]).toMatchObject({ status: 'complete', text: ']d20106901500011739\x1d21PACK1' });
    expect(page.field.value).toBe('合理');
  });

  it('decodes a burst typed with CapsLock on (key case inverted) from the physical keys [R-TRACE]', () => {
    const { page, scans, capture } = setup();
    const code = 'MA.156.M0.100000.AbC123.S0001';
    let t = 0;
    for (const ch of code) {
      const k = keyFor(ch);
      const inverted = ch === ch.toUpperCase() ? ch.toLowerCase() : ch.toUpperCase();
      page.press(capture, k.code, k.shiftKey, inverted, t++);
    }
    page.press(capture, 'Enter', false, 'Enter', t);
    expect(scans[0]).toMatchObject({ status: 'complete', text: code });
    expect(page.field.value).toBe('');
  });

  it('gives a fast human Ctrl+] no character back into the field [ARCH]', () => {
    const { page, capture } = setup('x');
    page.press(capture, 'Digit1', false, '1', 0);
    page.press(capture, 'BracketRight', false, ']', 1, true);
    page.advance(200);
    expect(page.field.value).toBe('x1');
  });
});
