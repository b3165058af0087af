/** Thrown by readCappedBody when a body passes its cap; the connection is already closed. */
export class BodyTooLargeError extends Error {
  constructor(
    readonly capBytes: number,
    /** What the sender declared (Content-Length), when that alone decided. */
    readonly declaredBytes?: number,
  ) {
    super(
      declaredBytes === undefined
        ? `reply body passed ${capBytes} bytes`
        : `reply body declared ${declaredBytes} bytes, cap ${capBytes}`,
    );
    this.name = 'BodyTooLargeError';
  }
}

/**
 * Reads a fetch Response body as a stream, never holding more than `capBytes`: a declared
 * Content-Length over the cap is refused before any byte is read, and a chunked or lying body
 * is counted as it arrives and cancelled as soon as it passes the cap (so a hostile or broken
 * server cannot make us buffer hundreds of megabytes before we refuse it).
 */
export async function readCappedBody(res: Response, capBytes: number): Promise<Uint8Array> {
  const declared = Number(res.headers.get('content-length') ?? Number.NaN);
  if (Number.isFinite(declared) && declared > capBytes) {
    await res.body?.cancel().catch(() => undefined);
    throw new BodyTooLargeError(capBytes, declared);
  }
  if (!res.body) return new Uint8Array(0);
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > capBytes) {
      await reader.cancel().catch(() => undefined);
      throw new BodyTooLargeError(capBytes);
    }
    chunks.push(value);
  }
  return concat(chunks, total);
}

function concat(chunks: readonly Uint8Array[], total: number): Uint8Array {
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}
