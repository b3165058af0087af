import { describe, expect, it } from 'vitest';
import { BurstDetector, type ScanKeyInput } from '../../../src/domain/scan/burst-detector';
import { classifyScan, visibleText } from '../../../src/domain/scan/classify';
import {
  analyseSample,
  type RawKey,
  suggestedMaxInterKeyMs,
} from '../../../src/domain/scan/scan-sample';
import { keyFor, typed } from './keys';

/** The scans' moment: fixes the century of GS1 two-digit years. */
const NOW = new Date('2026-06-01T12:00:00+08:00');

const GS = '\x1d';
/** 阿莫西林胶囊 in config/catalog/drugs.json: trace product id 8010371, GTIN 6901500011739. */
const TRACE = '80103710000000000017';
const EAN = '6901500011739';
const GS1 = `]d2010690150001173921PACK0001${GS}10B2401`;

/** Keydowns of `text` with GS typed as Ctrl+] (a keyboard-wedge scanner's control key). */
function wedge(text: string, perKeyMs: number, start = 1000): ScanKeyInput[] {
  const keys = [...text].map((ch, i) =>
    ch === GS
      ? { code: 'BracketRight', shiftKey: false, ctrlKey: true, timeStamp: start + i * perKeyMs }
      : { ...keyFor(ch), timeStamp: start + i * perKeyMs },
  );
  return [...keys, { code: 'Enter', shiftKey: false, timeStamp: start + text.length * perKeyMs }];
}

function complete(events: ScanKeyInput[]) {
  const d = new BurstDetector();
  const step = events.map((e) => d.feed(e)).at(-1);
  if (step?.status !== 'complete') throw new Error(`not complete: ${JSON.stringify(step)}`);
  return step;
}

describe('drug codes in the scanner router [R-TRACE]', () => {
  it('classifies traceability codes, GS1 element strings, MA codes and EAN-13 by parsing them', () => {
    expect(classifyScan(TRACE, NOW)).toMatchObject({
      kind: 'traceability',
      parsed: { productId: '8010371' },
    });
    expect(classifyScan(EAN, NOW)).toMatchObject({ kind: 'ean13', parsed: { gtin: EAN } });
    expect(classifyScan(GS1, NOW)).toMatchObject({
      kind: 'gs1',
      text: GS1,
      parsed: { gtin: `0${EAN}`, serial: 'PACK0001', batch: 'B2401', symbology: ']d2' },
    });
    for (const id of [']C1', ']Q3']) {
      expect(classifyScan(`${id}0106901500011739${GS}21X1`, NOW).kind).toBe('gs1');
    }
    expect(classifyScan('MA.156.M0.100000.ABC123.S0001', NOW).kind).toBe('ma');
  });

  it('accepts GS tag substitutes a scanner can be configured to send', () => {
    expect(classifyScan(']d2010690150001173921PACK0001<GS>10B2401', NOW)).toMatchObject({
      kind: 'gs1',
      text: GS1,
    });
  });

  it('keeps e-vouchers and prescription QRs apart from drug codes [R-AUTH]', () => {
    expect(classifyScan('500000ecxpyg5af6ozeyjvdl76onqrfofvlek6', NOW).kind).toBe('evoucher');
    expect(classifyScan('EPCQR013KLCW4ATGVZT973D6Q76', NOW).kind).toBe('rx-qr');
    expect(classifyScan(']Q1500000ecxpyg5af6ozeyjvdl76onqrfofvlek6', NOW)).toEqual({
      kind: 'evoucher',
      text: '500000ecxpyg5af6ozeyjvdl76onqrfofvlek6',
    });
  });

  it('explains a broken drug code in Chinese instead of routing it', () => {
    const short = classifyScan('8010371000000', NOW);
    expect(short.kind).toBe('unknown');
    const badCheck = classifyScan('6901500011730', NOW);
    expect(badCheck).toMatchObject({ kind: 'unknown' });
    expect(badCheck.kind === 'unknown' && badCheck.message).toMatch(/校验位/);
    expect(classifyScan(`]d20106901500011730${GS}21X`, NOW).kind).toBe('unknown');
    expect(classifyScan('801037100000 00000017', NOW).kind).toBe('unknown');
  });

  it('allows GS but no other control character, and shows GS visibly', () => {
    expect(classifyScan(`0106901500011739${GS}21X\u0004`, NOW)).toMatchObject({
      kind: 'rejected',
      reason: 'control',
    });
    expect(visibleText(GS1)).toBe(']d2010690150001173921PACK0001<GS>10B2401');
  });
});

describe('GS from a keyboard-wedge scanner [R-TRACE]', () => {
  it('takes Ctrl+] inside a burst as GS', () => {
    const step = complete(wedge(GS1, 2));
    expect(step.text).toBe(GS1);
    expect(classifyScan(step.text, NOW).kind).toBe('gs1');
  });

  it('takes Alt+numpad 0 2 9 as GS and anything else as garbage', () => {
    const alt = (code: string, t: number): ScanKeyInput => ({
      code,
      shiftKey: false,
      altKey: true,
      timeStamp: t,
    });
    const head = typed('0106901500011739', 1, 1000, null);
    const gs = [alt('Numpad0', 1016), alt('Numpad2', 1017), alt('Numpad9', 1018)];
    const tail = typed('21X1', 1, 1019);
    expect(complete([...head, ...gs, ...tail]).text).toBe(`0106901500011739${GS}21X1`);

    const d = new BurstDetector();
    const wrong = [alt('Numpad0', 1016), alt('Numpad6', 1017), alt('Numpad5', 1018)];
    const step = [...head, ...wrong, ...tail].map((e) => d.feed(e)).at(-1);
    expect(step).toMatchObject({ status: 'rejected', reason: 'garbage' });
  });

  it('still treats other Ctrl shortcuts as a human', () => {
    const d = new BurstDetector();
    d.feed({ code: 'Digit1', shiftKey: false, timeStamp: 1000 });
    d.feed({ code: 'Digit2', shiftKey: false, timeStamp: 1001 });
    expect(d.feed({ code: 'KeyC', shiftKey: false, ctrlKey: true, timeStamp: 1002 })).toEqual({
      status: 'not-burst',
      dropped: true,
    });
  });

  it('reports min, average and max pauses for the scanner test page', () => {
    const keys = typed(TRACE, 3);
    const last = keys.at(-1);
    if (last) last.timeStamp += 7;
    const step = complete(keys);
    expect(step).toMatchObject({ minGapMs: 3, maxGapMs: 10 });
    expect(step.avgGapMs).toBeCloseTo((TRACE.length * 3 + 7) / TRACE.length);
  });
});

describe('scanner test sample [R-TRACE]', () => {
  const raw = (text: string, perKeyMs: number, terminator: string | null, ime = false): RawKey[] =>
    typed(text, perKeyMs, 1000, terminator).map((k) => ({
      code: k.code,
      key: ime ? 'Process' : 'x',
      shiftKey: k.shiftKey,
      ctrlKey: false,
      altKey: false,
      timeStamp: k.timeStamp,
      capsLock: false,
    }));

  it('decodes, times and parses a scan, and names its suffix', () => {
    const s = analyseSample(raw(TRACE, 4, 'Enter'), NOW);
    expect(s).toMatchObject({
      text: TRACE,
      keyCount: 20,
      suffix: 'Enter',
      gaps: { min: 4, avg: 4, max: 4 },
      classification: { kind: 'traceability' },
    });
    expect(suggestedMaxInterKeyMs(s)).toBe(11);
    expect(analyseSample(raw(EAN, 80, 'Tab'), NOW).suffix).toBe('Tab');
    expect(suggestedMaxInterKeyMs(analyseSample(raw(EAN, 180, 'Tab'), NOW))).toBe(200);
    expect(analyseSample(raw(EAN, 2, null), NOW)).toMatchObject({ suffix: 'none', keyCount: 13 });
  });

  it('shows GS typed as Ctrl+] and counts IME keys', () => {
    const keys = raw('01069015000117392', 2, 'Enter', true);
    keys.splice(16, 0, {
      code: 'BracketRight',
      key: ']',
      shiftKey: false,
      ctrlKey: true,
      altKey: false,
      timeStamp: 1032,
      capsLock: true,
    });
    const s = analyseSample(keys, NOW);
    expect(s.visible).toBe('0106901500011739<GS>2');
    expect(s.imeKeys).toBe(18);
    expect(s.capsLock).toBe(true);
  });
});
