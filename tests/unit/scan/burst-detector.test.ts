import { describe, expect, it } from 'vitest';
import {
  BurstDetector,
  type BurstStep,
  type ScanKeyInput,
} from '../../../src/domain/scan/burst-detector';
import { typed } from './keys';

const TOKEN = 'A1b2C3d4E5f6G7h8J9k0Lm';

function feedAll(d: BurstDetector, events: ScanKeyInput[]): BurstStep[] {
  return events.map((e) => d.feed(e));
}

function last(steps: BurstStep[]): BurstStep {
  const s = steps.at(-1);
  if (!s) throw new Error('no steps');
  return s;
}

describe('burst detector', () => {
  it('completes a 1 ms-per-key e-voucher burst with exact text, key count and duration [R-AUTH][ST-EPC-02-001]', () => {
    const steps = feedAll(new BurstDetector(), typed(TOKEN, 1));
    expect(last(steps)).toEqual({
      status: 'complete',
      text: TOKEN,
      keyCount: TOKEN.length,
      durationMs: TOKEN.length,
      maxGapMs: 1,
      minGapMs: 1,
      avgGapMs: 1,
      terminator: 'Enter',
      dropped: false,
    });
  });

  it('completes a 2 ms-per-key burst [R-AUTH][ST-EPC-02-001]', () => {
    const step = last(feedAll(new BurstDetector(), typed(TOKEN, 2)));
    expect(step.status).toBe('complete');
    expect(step.status === 'complete' && step.text).toBe(TOKEN);
  });

  it('marks the first key as a candidate and every later fast key as in a burst (to be swallowed) [ARCH]', () => {
    const steps = feedAll(new BurstDetector(), typed('12345678', 1, 0, null));
    expect(steps[0]).toEqual({ status: 'pending', inBurst: false, keyCount: 1, dropped: false });
    expect(steps.slice(1).every((s) => s.status === 'pending' && s.inBurst)).toBe(true);
  });

  it('does not take 80 ms-per-key human typing for a burst, nor swallow any key [ARCH]', () => {
    const steps = feedAll(new BurstDetector(), typed('500101199001011234', 80));
    expect(steps.slice(0, -1).every((s) => s.status === 'pending' && !s.inBurst)).toBe(true);
    expect(last(steps)).toEqual({ status: 'not-burst', dropped: false });
  });

  it('recognises a slow scanner when maxInterKeyMs is tuned to it [ARCH]', () => {
    const slow = typed(TOKEN, 70);
    expect(last(feedAll(new BurstDetector(), slow)).status).toBe('not-burst');
    const tuned = last(feedAll(new BurstDetector({ maxInterKeyMs: 90 }), slow));
    expect(tuned.status === 'complete' && tuned.text).toBe(TOKEN);
  });

  it('resets at a gap mid-burst and reports the abandoned burst as dropped [ARCH]', () => {
    const d = new BurstDetector();
    const first = feedAll(d, typed('abcdef', 1, 0, null));
    expect(last(first)).toMatchObject({ status: 'pending', inBurst: true });
    // 200 ms pause, then a full scan: only the second part is the scan.
    const second = feedAll(d, typed(TOKEN, 1, 206));
    expect(second[0]).toEqual({ status: 'pending', inBurst: false, keyCount: 1, dropped: true });
    expect(last(second)).toMatchObject({ status: 'complete', text: TOKEN });
  });

  it('a gap that leaves too few keys before Enter is not a burst [ARCH]', () => {
    const d = new BurstDetector();
    feedAll(d, typed('abcdefgh', 1, 0, null));
    const steps = feedAll(d, typed('xyz', 1, 500));
    // "x" started a new candidate (the old one was dropped); "yz" were swallowed and must be given back.
    expect(steps[0]).toMatchObject({ status: 'pending', dropped: true });
    expect(last(steps)).toEqual({ status: 'not-burst', dropped: true });
  });

  it('a terminator arriving after a pause is not part of the burst [ARCH]', () => {
    const d = new BurstDetector();
    feedAll(d, typed(TOKEN, 1, 0, null));
    expect(d.feed({ code: 'Enter', shiftKey: false, timeStamp: TOKEN.length + 100 })).toEqual({
      status: 'not-burst',
      dropped: true,
    });
  });

  it('accepts Tab and NumpadEnter as terminators [ARCH]', () => {
    for (const terminator of ['Tab', 'NumpadEnter']) {
      const step = last(feedAll(new BurstDetector(), typed(TOKEN, 1, 0, terminator)));
      expect(step).toMatchObject({ status: 'complete', text: TOKEN, terminator });
    }
  });

  it('needs minLength keys: a short fast run plus Enter is not a burst but reports the drop [ARCH]', () => {
    const step = last(feedAll(new BurstDetector({ minLength: 6 }), typed('abcde', 1)));
    expect(step).toEqual({ status: 'not-burst', dropped: true });
    expect(last(feedAll(new BurstDetector({ minLength: 6 }), typed('abcdef', 1))).status).toBe(
      'complete',
    );
  });

  it('decodes IME-style events (key "Process", keyCode 229) identically, from the physical key [R-AUTH][ST-EPC-02-001]', () => {
    const ime = typed(TOKEN, 1).map((e) => ({
      ...e,
      key: 'Process',
      keyCode: 229,
      isComposing: true,
    }));
    const frenchLayout = typed(TOKEN, 1).map((e) => ({ ...e, key: e.code === 'KeyA' ? 'q' : 'é' }));
    const plain = last(feedAll(new BurstDetector(), typed(TOKEN, 1)));
    expect(last(feedAll(new BurstDetector(), ime))).toEqual(plain);
    expect(last(feedAll(new BurstDetector(), frenchLayout))).toEqual(plain);
  });

  it('ignores CapsLock: case comes from Shift, and CapsLock/Shift keydowns neither count nor break the burst [ARCH]', () => {
    const events: ScanKeyInput[] = [];
    let t = 0;
    events.push({ code: 'CapsLock', shiftKey: false, timeStamp: t });
    for (const e of typed(TOKEN, 1, 1, null)) {
      if (e.shiftKey) events.push({ code: 'ShiftLeft', shiftKey: true, timeStamp: e.timeStamp });
      events.push(e);
      t = e.timeStamp;
    }
    events.push({ code: 'Enter', shiftKey: false, timeStamp: t + 1 });
    const step = last(feedAll(new BurstDetector(), events));
    expect(step).toMatchObject({ status: 'complete', text: TOKEN, keyCount: TOKEN.length });
  });

  it('rejects a burst containing non-printable garbage keys, with the count in the reason [ARCH]', () => {
    const events = typed('abc123xyz', 1, 0, null);
    events.splice(
      4,
      0,
      { code: 'F7', shiftKey: false, timeStamp: 3.5 },
      { code: 'Unidentified', shiftKey: false, timeStamp: 3.6 },
    );
    events.push({ code: 'Enter', shiftKey: false, timeStamp: 10 });
    const step = last(feedAll(new BurstDetector(), events));
    expect(step).toMatchObject({
      status: 'rejected',
      reason: 'garbage',
      text: 'abc123xyz',
      keyCount: 11,
    });
    expect(step.status === 'rejected' && step.message).toContain('2 个无法识别的按键');
  });

  it('lets a lone non-printable key through as human input [ARCH]', () => {
    const d = new BurstDetector();
    expect(d.feed({ code: 'F2', shiftKey: false, timeStamp: 0 })).toEqual({
      status: 'not-burst',
      dropped: false,
    });
    d.feed({ code: 'KeyA', shiftKey: false, timeStamp: 100 });
    expect(d.feed({ code: 'Backspace', shiftKey: false, timeStamp: 101 })).toEqual({
      status: 'not-burst',
      dropped: false,
    });
  });

  it('rejects an over-long burst with a bounded buffer [ARCH]', () => {
    const long = 'a'.repeat(600);
    const step = last(feedAll(new BurstDetector(), typed(long, 1)));
    expect(step).toMatchObject({ status: 'rejected', reason: 'too-long', keyCount: 600 });
    expect(step.status === 'rejected' && step.text.length).toBe(512);
    expect(step.status === 'rejected' && step.message).toContain('512');
  });

  it('treats auto-repeat and Ctrl/Alt/Meta chords as human, dropping any open candidate [ARCH]', () => {
    const d = new BurstDetector();
    feedAll(d, typed('abc', 1, 0, null));
    expect(d.feed({ code: 'KeyV', shiftKey: false, ctrlKey: true, timeStamp: 3 })).toEqual({
      status: 'not-burst',
      dropped: true,
    });
    const held = Array.from({ length: 20 }, (_, i) => ({
      code: 'Digit1',
      shiftKey: false,
      timeStamp: 100 + i * 30,
      repeat: i > 0,
    }));
    held.push({ code: 'Enter', shiftKey: false, timeStamp: 100 + 20 * 30, repeat: false });
    expect(last(feedAll(d, held)).status).toBe('not-burst');
  });

  it('expire() drops a stale candidate only after the threshold [ARCH]', () => {
    const d = new BurstDetector();
    feedAll(d, typed('abcd', 1, 0, null));
    expect(d.expire(20)).toEqual({ dropped: false, expired: false });
    expect(d.expire(40)).toEqual({ dropped: true, expired: true });
    expect(d.inBurst).toBe(false);
    expect(d.expire(1000)).toEqual({ dropped: false, expired: true });
  });

  it('rejects nonsensical options [ARCH]', () => {
    expect(() => new BurstDetector({ maxInterKeyMs: 0 })).toThrow(RangeError);
    expect(() => new BurstDetector({ minLength: 1 })).toThrow(RangeError);
    expect(() => new BurstDetector({ minLength: 10, maxLength: 5 })).toThrow(RangeError);
  });

  it('decodes 1,000 synthetic bursts at 1 ms per key with zero lost or wrong characters [R-AUTH][ST-EPC-02-001]', () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.:/=+';
    let seed = 20240601;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const d = new BurstDetector();
    let t = 0;
    let wrong = 0;
    let lostChars = 0;
    for (let i = 0; i < 1000; i++) {
      const len = 6 + Math.floor(rand() * 120);
      const text = Array.from({ length: len }, () =>
        alphabet.charAt(Math.floor(rand() * alphabet.length)),
      ).join('');
      const steps = feedAll(d, typed(text, 1, t));
      const step = last(steps);
      if (step.status !== 'complete' || step.text !== text) wrong++;
      if (step.status === 'complete') lostChars += Math.max(0, text.length - step.text.length);
      else lostChars += text.length;
      t += len + 50 + Math.floor(rand() * 500);
    }
    expect({ wrong, lostChars }).toEqual({ wrong: 0, lostChars: 0 });
  });
});
