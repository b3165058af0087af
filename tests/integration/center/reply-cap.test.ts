import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CenterError } from '../../../src/center/center-error';
import { deriveSm4Key, sm4EcbEncrypt } from '../../../src/center/crypto';
import { EpcClient } from '../../../src/center/epc-client';
import { FsiClient } from '../../../src/center/fsi-client';
import { postText } from '../../../src/center/http-post';
import { DEFAULT_FSI_REPLY_CAP_BYTES, fsiReplyCapBytes } from '../../../src/center/reply-caps';
import type { TransactionInput } from '../../../src/center/transactions';
import { loadSandboxConfig } from '../../../src/sandbox/config';

const CONFIG = loadSandboxConfig();

const MiB = 1024 * 1024;
const CHUNK = Buffer.alloc(64 * 1024, 'x');

/** A hostile "center" on loopback: each path answers differently; counts what it managed to send. */
let server: Server;
let base: string;
const sent = new Map<string, number>();

function endless(res: ServerResponse, key: string): void {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.write('{"infcode":0,"output":"');
  sent.set(key, 0);
  const pump = () => {
    while (!res.destroyed) {
      sent.set(key, (sent.get(key) ?? 0) + CHUNK.length);
      if (!res.write(CHUNK)) {
        res.once('drain', pump);
        return;
      }
    }
  };
  res.on('close', () => res.removeAllListeners('drain'));
  pump();
}

beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      if (req.url === '/endless') return endless(res, 'endless');
      if (req.url === '/declared') {
        // Declares 500 MB and then sends nothing: only the header can decide.
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': 500 * MiB });
        res.write('{');
        return;
      }
      if (req.url?.startsWith('/nested-epc/')) {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(nestedEpcReply()));
        return;
      }
      const ok = JSON.stringify({ infcode: 0, output: { fill: 'y'.repeat(100_000) } });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(ok);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

/** A correctly encrypted EPC reply whose data nests 100 000 levels deep. */
function nestedEpcReply(): Record<string, unknown> {
  const depth = 100_000;
  const plaintext = `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
  const key = deriveSm4Key(CONFIG.epc.appId, CONFIG.epc.appSecret);
  return {
    code: 0,
    message: '成功',
    appId: CONFIG.epc.appId,
    encType: 'SM4',
    signType: 'SM2',
    timestamp: String(Date.now()),
    encData: sm4EcbEncrypt(key, Buffer.from(plaintext, 'utf8')).toString('hex').toUpperCase(),
    signData: Buffer.alloc(64, 1).toString('base64'),
  };
}

function rssMiB(): number {
  return process.memoryUsage().rss / MiB;
}

describe('center replies are capped while they stream in', () => {
  it('refuses an endless chunked reply quickly, in bounded memory, and hangs up [ARCH]', async () => {
    const before = rssMiB();
    const started = Date.now();
    const err = await postText(`${base}/endless`, '{}', {
      timeoutMs: 20_000,
      maxReplyBytes: 2 * MiB,
      msgid: 'H50010300001202612060000001',
    }).catch((e: unknown) => e);
    const elapsed = Date.now() - started;
    expect(err).toBeInstanceOf(CenterError);
    const ce = err as CenterError;
    expect(ce.kind).toBe('malformed');
    expect(ce.outcomeUnknown).toBe(true);
    expect(ce.msgid).toBe('H50010300001202612060000001');
    expect(ce.message).toContain('医保中心应答超过 2 MB');
    expect(elapsed).toBeLessThan(5_000);
    expect(rssMiB() - before).toBeLessThan(64);
    // The connection is closed: the server stops being able to write soon after the cap.
    await new Promise((r) => setTimeout(r, 200));
    const atClose = sent.get('endless') ?? 0;
    await new Promise((r) => setTimeout(r, 300));
    expect(sent.get('endless')).toBe(atClose);
    expect(atClose).toBeLessThan(64 * MiB);
  });

  it('refuses a reply whose Content-Length is over the cap before reading it [ARCH]', async () => {
    const started = Date.now();
    const err = await postText(`${base}/declared`, '{}', {
      timeoutMs: 20_000,
      maxReplyBytes: 2 * MiB,
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CenterError);
    expect((err as CenterError).kind).toBe('malformed');
    expect((err as CenterError).message).toContain('声明长度 500 MB');
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('reads a reply under the cap in full [ARCH]', async () => {
    const reply = await postText(`${base}/ok`, '{}', { timeoutMs: 5_000, maxReplyBytes: MiB });
    expect(reply.status).toBe(200);
    expect((JSON.parse(reply.text) as { output: { fill: string } }).output.fill).toHaveLength(
      100_000,
    );
  });

  it('gives each kind of FSI call its own cap: a download carries more than a sign-in [ARCH]', async () => {
    expect(fsiReplyCapBytes('9001')).toBe(DEFAULT_FSI_REPLY_CAP_BYTES);
    expect(fsiReplyCapBytes('7204')).toBeGreaterThan(fsiReplyCapBytes('9001'));
    const fsi = new FsiClient({
      baseUrl: base,
      path: '/endless',
      paasid: 'p',
      paasToken: 't',
      fixmedinsCode: 'P50010300001',
      fixmedinsName: '测试药店',
      mdtrtareaAdmvs: '500103',
      devNo: 'dev',
      timeoutMs: 20_000,
    });
    const err = await fsi
      .call({
        infno: '9001',
        input: { signIn: {} } as TransactionInput<'9001'>,
        opter: 'o',
        opterName: 'n',
      })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CenterError);
    expect((err as CenterError).kind).toBe('malformed');
    expect((err as CenterError).message).toContain('超过 2 MB');
  });

  it('answers a deeply nested EPC reply with a clean CenterError, not a stack overflow [ARCH]', async () => {
    const epc = new EpcClient({
      baseUrl: base,
      pathPrefix: '/nested-epc/',
      appId: CONFIG.epc.appId,
      appSecret: CONFIG.epc.appSecret,
      privateKey: CONFIG.epc.appKeys.privateKey,
      platformPublicKey: CONFIG.epc.platformKeys.publicKey,
      timeoutMs: 5_000,
    });
    const err = await epc.call('hospRxDetlQuery', { hiRxno: 'x' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CenterError);
    expect((err as CenterError).kind).toBe('malformed');
    expect((err as CenterError).message).toContain('电子处方中心应答无法识别');
  });
});
