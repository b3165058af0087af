import { performance } from 'node:perf_hooks';
import { BurstDetector } from '../../src/domain/scan/burst-detector';
import { classifyScan } from '../../src/domain/scan/classify';
import { typed } from '../unit/scan/keys';
import { type BenchRow, percentiles } from './table';

/** The scans' moment: fixes the century of GS1 two-digit years. */
const NOW = new Date('2026-06-01T12:00:00+08:00');

const BURSTS = 1000;
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/**
 * Scanner fidelity (issue "Review and dispense"): 1,000 keyboard-wedge bursts at 1 ms per key,
 * fed as physical-key events (KeyboardEvent.code + Shift) through the capture layer's burst
 * detector and classifier; counts lost and wrong characters and times the decode per burst.
 * The real-browser path (IME-style events included) is proven by the end-to-end tests.
 */
export async function benchScannerFidelity(): Promise<BenchRow[]> {
  let seed = 7;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const detector = new BurstDetector();
  const times: number[] = [];
  let wrong = 0;
  let lost = 0;
  let chars = 0;
  let t = 1000;
  for (let i = 0; i < BURSTS; i++) {
    const text =
      i % 2 === 0
        ? `8${Array.from({ length: 19 }, () => String(Math.floor(rand() * 10))).join('')}`
        : Array.from({ length: 20 + Math.floor(rand() * 60) }, () =>
            ALPHABET.charAt(Math.floor(rand() * ALPHABET.length)),
          ).join('');
    chars += text.length;
    const events = typed(text, 1, t);
    const started = performance.now();
    let result = '';
    for (const e of events) {
      const step = detector.feed(e);
      if (step.status === 'complete') result = step.text;
    }
    classifyScan(result, NOW);
    times.push(performance.now() - started);
    if (result !== text) wrong++;
    lost += Math.max(0, text.length - result.length);
    t += text.length + 80;
  }
  const { median, p99 } = percentiles(times);
  const note = `${BURSTS} bursts, ${chars} characters; half 20-digit trace codes, half mixed-case text`;
  return [
    {
      area: '扫码 scanner',
      name: 'fidelity at 1 ms/key: wrong bursts',
      value: wrong,
      unit: 'bursts',
      note,
    },
    {
      area: '扫码 scanner',
      name: 'fidelity at 1 ms/key: lost characters',
      value: lost,
      unit: 'chars',
      note,
    },
    {
      area: '扫码 scanner',
      name: 'decode + classify one burst, p99',
      value: p99,
      unit: 'ms',
      note: `median ${median.toFixed(3)} ms`,
    },
  ];
}
