import { describe, expect, it } from 'vitest';
import { classifyScan } from '../../../src/domain/scan/classify';
import type { ScanOutcome } from '../../../src/renderer/scanner/scan-capture';
import { SerialLineSplitter } from '../../../src/renderer/scanner/serial-lines';

/** The scans' moment: fixes the century of GS1 two-digit years. */
const NOW = new Date('2026-06-01T12:00:00+08:00');

const bytes = (s: string) => Uint8Array.from([...s].map((c) => c.charCodeAt(0)));

describe('serial (COM) scanner lines [R-TRACE]', () => {
  it('splits on CR, LF and CRLF across chunks and keeps GS for the GS1 parser', () => {
    const lines: ScanOutcome[] = [];
    const split = new SerialLineSplitter((o) => lines.push(o));
    split.push(bytes('8010371000000000'));
    split.push(bytes('0017\r\n0106901500011739\x1d21'));
    split.push(bytes('X1\r6901500011739\n'));
    expect(lines.map((l) => l.text)).toEqual([
      '80103710000000000017',
      '0106901500011739\x1d21X1',
      '6901500011739',
    ]);
    expect(lines.map((l) => classifyScan(l.text, NOW).kind)).toEqual([
      'traceability',
      'gs1',
      'ean13',
    ]);
  });

  it('rejects an over-long line and lets the classifier refuse non-ASCII bytes', () => {
    const lines: ScanOutcome[] = [];
    const split = new SerialLineSplitter((o) => lines.push(o));
    split.push(bytes(`${'9'.repeat(600)}\n\xff\xfeabc\n`));
    expect(lines[0]).toMatchObject({ status: 'rejected', reason: 'too-long' });
    expect(lines[0]?.text).toHaveLength(512);
    expect(classifyScan(lines[1]?.text ?? '', NOW).kind).toBe('rejected');
  });
});
