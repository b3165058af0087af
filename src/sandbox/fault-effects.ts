import type { ServerResponse } from 'node:http';
import type { FaultRule } from './faults';
import { sendJson, sendText, sleep } from './http-util';

/** Longest a 'timeout' fault holds a request before dropping the connection. */
export const HOLD_CAP_MS = 60_000;

/** Requests held by 'timeout' faults; close() drops them all. */
export class HeldRequests {
  private readonly releasers = new Set<() => void>();

  /** Answers nothing: resolves when the client gives up, the cap passes or the sandbox closes. */
  hold(res: ServerResponse): Promise<void> {
    return new Promise((resolve) => {
      const release = () => {
        clearTimeout(timer);
        this.releasers.delete(release);
        if (!res.destroyed) res.destroy();
        resolve();
      };
      const timer = setTimeout(release, HOLD_CAP_MS);
      res.once('close', release);
      this.releasers.add(release);
    });
  }

  releaseAll(): void {
    for (const release of [...this.releasers]) release();
  }
}

/**
 * Applies a fault that strikes before processing. Returns true when the request is finished
 * (answered or dropped) and must not be processed.
 */
export async function applyBefore(
  rule: FaultRule,
  res: ServerResponse,
  held: HeldRequests,
): Promise<boolean> {
  switch (rule.kind) {
    case 'delay':
      await sleep(rule.delayMs);
      return false;
    case 'timeout':
      await held.hold(res);
      return true;
    case 'http5xx':
      sendJson(res, 503, {
        status: 503,
        error: 'Service Unavailable',
        message: '沙箱故障注入：网关暂不可用',
      });
      return true;
    default:
      return false;
  }
}

/**
 * Applies a fault that strikes after processing (the effect happened). `badsig` is
 * channel-specific, so the caller passes the spoilt body to send for it.
 */
export async function applyAfter(
  rule: FaultRule,
  res: ServerResponse,
  held: HeldRequests,
  badsigBody: () => string,
): Promise<boolean> {
  switch (rule.kind) {
    case 'delay':
      await sleep(rule.delayMs);
      return false;
    case 'timeout':
      await held.hold(res);
      return true;
    case 'http5xx':
      sendJson(res, 502, {
        status: 502,
        error: 'Bad Gateway',
        message: '沙箱故障注入：上游应答丢失',
      });
      return true;
    case 'malformed':
      sendText(res, 200, '<html><body>沙箱故障注入：这不是 JSON', 'application/json;charset=utf-8');
      return true;
    case 'badsig':
      sendText(res, 200, badsigBody());
      return true;
    case 'oversize':
      await sendEndless(res);
      return true;
    default:
      return false;
  }
}

const ENDLESS_CHUNK = Buffer.alloc(64 * 1024, 0x20);
const ENDLESS_CAP_BYTES = 1024 * 1024 * 1024;

/**
 * The 'oversize' fault: a JSON-looking reply that never ends (chunked, no Content-Length), written
 * as fast as the client reads, until it hangs up or 1 GB has gone out.
 */
function sendEndless(res: ServerResponse): Promise<void> {
  res.writeHead(200, { 'content-type': 'application/json;charset=utf-8' });
  res.write('{"infcode":0,"output":{"padding":"');
  let sent = 0;
  return new Promise((resolve) => {
    const pump = () => {
      while (!res.destroyed && sent < ENDLESS_CAP_BYTES) {
        sent += ENDLESS_CHUNK.length;
        if (!res.write(ENDLESS_CHUNK)) {
          res.once('drain', pump);
          return;
        }
      }
      if (!res.destroyed) res.end('"}}');
    };
    res.once('close', () => {
      res.removeAllListeners('drain');
      resolve();
    });
    pump();
  });
}
