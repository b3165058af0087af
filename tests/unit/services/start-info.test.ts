import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { earlyAnswers } from '../../../src/host/early-answers';
import { loadConfig } from '../../../src/services/config';
import { appInfoBeforeStart } from '../../../src/services/start-info';

const dir = mkdtempSync(path.join(os.tmpdir(), 'epc-start-info-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('what the log-in screen is told before the services run (issue 20)', () => {
  it('names the demo pharmacy exactly as the loaded configuration will [R-AUTH]', () => {
    const early = appInfoBeforeStart({ kind: 'demo' }, '1.2.3', 'browser');
    const loaded = loadConfig({
      mode: 'browser',
      version: '1.2.3',
      dataDir: dir,
      sandboxUrl: 'http://127.0.0.1:1',
    });
    expect(early).toEqual({
      version: '1.2.3',
      mode: 'browser',
      sandbox: true,
      pharmacy: loaded.pharmacy,
    });
  });

  it("reads a real center file's pharmacy, and says nothing for the wizard or a broken file [R-AUTH]", () => {
    const file = path.join(dir, 'center.json');
    writeFileSync(
      file,
      JSON.stringify({
        pharmacy: { fixmedinsCode: 'P44190000001', fixmedinsName: '东莞某药店', admdvs: '441900' },
      }),
    );
    expect(appInfoBeforeStart({ kind: 'real', centerConfigFile: file }, 'v', 'desktop')).toEqual({
      version: 'v',
      mode: 'desktop',
      sandbox: false,
      pharmacy: { code: 'P44190000001', name: '东莞某药店', admdvs: '441900' },
    });
    expect(appInfoBeforeStart({ kind: 'setup' }, 'v', 'browser')).toBeNull();
    const broken = path.join(dir, 'broken.json');
    writeFileSync(broken, '{"pharmacy":');
    expect(
      appInfoBeforeStart({ kind: 'real', centerConfigFile: broken }, 'v', 'browser'),
    ).toBeNull();
    expect(
      appInfoBeforeStart(
        { kind: 'real', centerConfigFile: path.join(dir, 'none.json') },
        'v',
        'browser',
      ),
    ).toBeNull();
  });

  it('answers only the set-up question and app.info early; everything else waits [R-AUTH]', () => {
    const info = appInfoBeforeStart({ kind: 'demo' }, 'v', 'browser');
    const early = earlyAnswers(info);
    expect(early('setup.status')).toMatchObject({ ok: true, value: { phase: 'configured' } });
    expect(early('app.info')).toEqual({ ok: true, value: info });
    for (const method of ['auth.login', 'rx.download', 'outbox.status'])
      expect(early(method)).toBeUndefined();
    expect(earlyAnswers(null)('setup.status')).toBeUndefined();
  });
});
