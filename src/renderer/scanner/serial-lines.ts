import type { ScanOutcome } from './scan-capture';

/** Longest line kept from a serial scanner; longer input is cut into a rejected outcome. */
const MAX_LINE = 512;

/**
 * Splits the byte stream of a serial (COM) scanner into lines: CR, LF or CRLF end a code. The
 * bytes are decoded as Latin-1 so that every byte stays one character and the classifier, not
 * the decoder, refuses what is not printable ASCII (GS 0x1D passes through to the GS1 parser).
 */
export class SerialLineSplitter {
  private buffer = '';

  constructor(private readonly onLine: (outcome: ScanOutcome) => void) {}

  push(bytes: Uint8Array): void {
    for (const b of bytes) {
      if (b === 0x0d || b === 0x0a) {
        this.flush();
        continue;
      }
      if (this.buffer.length <= MAX_LINE) this.buffer += String.fromCharCode(b);
    }
  }

  flush(): void {
    const text = this.buffer;
    this.buffer = '';
    if (text === '') return;
    if (text.length > MAX_LINE) {
      this.onLine({
        status: 'rejected',
        reason: 'too-long',
        message: `串口扫码数据超过 ${MAX_LINE} 个字符，已拒收`,
        text: text.slice(0, MAX_LINE),
        keyCount: text.length,
        durationMs: 0,
        dropped: false,
      });
      return;
    }
    this.onLine({
      status: 'complete',
      text,
      keyCount: text.length,
      durationMs: 0,
      maxGapMs: 0,
      minGapMs: 0,
      avgGapMs: 0,
      terminator: 'Serial',
      dropped: false,
    });
  }
}
