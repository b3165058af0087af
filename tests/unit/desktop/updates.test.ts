import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type UpdateBackend, UpdateController } from '../../../electron/update-controller';
import { feedFileName, fetchUpdateFeed, parseUpdateFeed } from '../../../electron/update-feed';
import type { PendingWork } from '../../../src/domain/desktop/pending-work';
import {
  isUpdateCheckDue,
  UPDATE_CHECK_INTERVAL_MS,
} from '../../../src/domain/desktop/update-policy';

const installer = Buffer.from('installer bytes of 0.2.0');
const sha512 = createHash('sha512').update(installer).digest('base64');
/** What electron-builder writes beside the installer (latest.yml). */
const latestYml = `version: 0.2.0
files:
  - url: 医保电子处方药店柜台-Setup-0.2.0.exe
    sha512: ${sha512}
    size: ${installer.length}
path: 医保电子处方药店柜台-Setup-0.2.0.exe
sha512: ${sha512}
releaseDate: '2026-12-01T08:00:00.000Z'
`;

/** A feed server on loopback: the pharmacy chain's update server in miniature. */
let server: Server;
let feedUrl = '';
let served: string[] = [];
beforeAll(async () => {
  server = createServer((req, res) => {
    served.push(req.url ?? '');
    if (req.url === '/counter/latest.yml' || req.url === '/counter/latest-linux.yml') {
      res.writeHead(200, { 'content-type': 'text/yaml' }).end(latestYml);
    } else if (req.url === '/broken/latest.yml') {
      res.writeHead(200).end('version: 0.2.0\nfiles: []\n');
    } else res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  feedUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/counter/`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

/** Reads the real feed over HTTP as electron-updater's generic provider does (no download). */
function feedBackend(): UpdateBackend & { installs: number } {
  const backend = {
    installs: 0,
    check: async (url: string) => ({
      version: (await fetchUpdateFeed(url, 'win32', 'x64')).version,
    }),
    install: () => {
      backend.installs++;
    },
  };
  return backend;
}

function controller(opts: { now: number; lastCheck: number | null; work?: Partial<PendingWork> }) {
  const backend = feedBackend();
  let last = opts.lastCheck;
  const c = new UpdateController({
    backend,
    currentVersion: '0.1.0',
    feedUrl: () => feedUrl,
    pendingWork: () => ({
      uploadsPending: 0,
      settlementsInProgress: 0,
      outcomesUnknown: 0,
      ...opts.work,
    }),
    now: () => opts.now,
    lastCheck: { get: () => last, set: (at) => (last = at) },
  });
  return { c, backend, last: () => last };
}

describe('updates from the pharmacy’s own feed (latest.yml over HTTP)', () => {
  it('reads the platform’s feed file: version, installer and its SHA-512 [ARCH]', async () => {
    expect(feedFileName('win32', 'x64')).toBe('latest.yml');
    expect(feedFileName('linux', 'x64')).toBe('latest-linux.yml');
    expect(feedFileName('linux', 'arm64')).toBe('latest-linux-arm64.yml');
    const feed = await fetchUpdateFeed(feedUrl, 'linux', 'x64');
    expect(feed).toEqual({
      version: '0.2.0',
      files: [{ url: '医保电子处方药店柜台-Setup-0.2.0.exe', sha512, size: installer.length }],
      releaseDate: '2026-12-01T08:00:00.000Z',
    });
    expect(() =>
      parseUpdateFeed('version: 0.2.0\nfiles:\n  - url: a.exe\n    sha512: short\n'),
    ).toThrow('更新源的 latest.yml 格式不正确');
    await expect(
      fetchUpdateFeed(feedUrl.replace('/counter/', '/broken/'), 'win32', 'x64'),
    ).rejects.toThrow('格式不正确');
    await expect(
      fetchUpdateFeed(feedUrl.replace('/counter/', '/none/'), 'win32', 'x64'),
    ).rejects.toThrow('更新源无法读取（HTTP 404）');
  });

  it('checks once a day: due the first time and a day after the last check, not sooner [ARCH]', async () => {
    const day = UPDATE_CHECK_INTERVAL_MS;
    expect(isUpdateCheckDue(null, 1000)).toBe(true);
    expect(isUpdateCheckDue(1000, 1000 + day - 1)).toBe(false);
    expect(isUpdateCheckDue(1000, 1000 + day)).toBe(true);
    served = [];
    const soon = controller({ now: 10 * day, lastCheck: 10 * day - 60_000 });
    expect(await soon.c.checkIfDue()).toEqual({ state: 'not-due' });
    expect(served).toEqual([]);
    const due = controller({ now: 10 * day, lastCheck: 9 * day });
    expect(await due.c.checkIfDue()).toEqual({ state: 'available', version: '0.2.0' });
    expect(due.last()).toBe(10 * day);
    expect(served).toEqual(['/counter/latest.yml']);
  });

  it('installs a downloaded update at shift close or on request, never while a settlement waits for the center [R-SETTLE]', async () => {
    const busy = controller({ now: 0, lastCheck: null, work: { settlementsInProgress: 1 } });
    expect(await busy.c.installNow()).toEqual({ install: false, reason: '没有已下载的更新' });
    expect(await busy.c.checkIfDue()).toMatchObject({ state: 'available' });
    busy.c.downloaded('0.2.0');
    expect(await busy.c.installNow()).toEqual({
      install: false,
      reason: '有结算正在等待医保中心答复，结算完成后再安装更新',
    });
    expect(busy.backend.installs).toBe(0);
    const idle = controller({ now: 0, lastCheck: null });
    idle.c.downloaded('0.2.0');
    expect(await idle.c.installNow()).toEqual({ install: true });
    expect(idle.backend.installs).toBe(1);
    const older = controller({ now: 0, lastCheck: null });
    older.c.downloaded('0.0.9');
    expect((await older.c.installNow()).install).toBe(false);
  });
});
