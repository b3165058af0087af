import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runBrowserMode } from '../../../src/host/run-browser-mode';
import { startSandbox } from '../../../src/sandbox/server';

type Sandbox = Awaited<ReturnType<typeof startSandbox>>;

async function call(url: string, method: string, input: unknown) {
  const res = await fetch(`${url}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });
  return (await res.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
}

describe('browser mode serves the window before its services are ready (issue 20)', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'epc-start-before-ready-'));
  const closers: Array<() => Promise<void>> = [];
  afterAll(async () => {
    for (const close of closers.reverse()) await close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("answers the page and the log-in screen's questions while the sandbox center is not yet started; a log-in made meanwhile waits and then signs in [R-AUTH]", async () => {
    let centerStarted!: (url: string) => void;
    const sandboxUrl = new Promise<string>((resolve) => {
      centerStarted = resolve;
    });
    const app = await runBrowserMode({
      port: 0,
      dataDir: path.join(dir, 'app'),
      version: 'test',
      mode: { kind: 'demo' },
      sandboxUrl,
    });
    closers.push(() => app.close());
    let ready = false;
    void app.ready.then(() => {
      ready = true;
    });

    const page = await fetch(`${app.url}/`);
    expect([200, 503]).toContain(page.status); // 503 only where the renderer is not built
    expect(ready).toBe(false);

    const login = call(app.url, 'auth.login', { username: 'yaoshi', password: 'demo1234' });
    // What the log-in screen needs to draw is answered at once, without the services.
    const earlyStatus = await call(app.url, 'setup.status', {});
    const earlyInfo = await call(app.url, 'app.info', {});
    expect(ready).toBe(false);
    expect(earlyStatus).toMatchObject({ ok: true, value: { phase: 'configured' } });
    expect(earlyInfo).toMatchObject({ ok: true, value: { sandbox: true, mode: 'browser' } });
    await new Promise((r) => setTimeout(r, 100));
    expect(ready).toBe(false);

    const sandbox: Sandbox = await startSandbox({ port: 0, dbFile: path.join(dir, 'sb.db') });
    closers.push(() => sandbox.close());
    centerStarted(sandbox.url);
    await app.ready;
    expect(await login).toMatchObject({ ok: true, value: { token: expect.any(String) } });
    // The services, once running, say exactly what was said before them.
    expect(await call(app.url, 'app.info', {})).toEqual(earlyInfo);
    expect(await call(app.url, 'setup.status', {})).toEqual(earlyStatus);
  });
});
