import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkIpcCall } from '../../../electron/ipc-guard';
import { CONTENT_SECURITY_POLICY } from '../../../src/host/csp';

const ROOT = path.resolve(import.meta.dirname, '../../..');

describe('Electron shell security', () => {
  const main = readFileSync(path.join(ROOT, 'electron/main.ts'), 'utf8');

  it('creates the window isolated, sandboxed and without Node [ARCH]', () => {
    expect(main).toMatch(/contextIsolation:\s*true/);
    expect(main).toMatch(/sandbox:\s*true/);
    expect(main).toMatch(/nodeIntegration:\s*false/);
    expect(main).toMatch(/webSecurity:\s*true/);
    expect(main).toMatch(/app\.enableSandbox\(\)/);
    expect(main).not.toMatch(
      /nodeIntegration:\s*true|contextIsolation:\s*false|webSecurity:\s*false/,
    );
  });

  it('blocks navigation, new windows and webviews [ARCH]', () => {
    expect(main).toMatch(/will-navigate[\s\S]*preventDefault/);
    expect(main).toMatch(/setWindowOpenHandler\(\(\) => \(\{ action: 'deny' \}\)\)/);
    expect(main).toMatch(/will-attach-webview[\s\S]*preventDefault/);
  });

  it('the CSP allows no remote content, inline script or eval [ARCH]', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|https?:|\*/);
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
  });

  it('refuses IPC from any page but our renderer, and malformed arguments [ARCH]', () => {
    expect(checkIpcCall('app://renderer/index.html', ['patient.lookup', {}, 'tok'])).toEqual({
      method: 'patient.lookup',
      input: {},
      token: 'tok',
    });
    expect(checkIpcCall('https://evil.example/', ['app.info', {}, null])).toBe(
      '拒绝来自非本应用页面的调用',
    );
    expect(checkIpcCall(undefined, ['app.info', {}, null])).toBe('拒绝来自非本应用页面的调用');
    expect(checkIpcCall('app://renderer/', ['__proto__', {}, null])).toBe('接口名不合法');
    expect(checkIpcCall('app://renderer/', [42, {}, null])).toBe('接口名不合法');
    expect(checkIpcCall('app://renderer/', ['app.info', {}, { t: 1 }])).toBe('会话令牌不合法');
    expect(checkIpcCall('app://renderer/', ['app.info', {}, 'x'.repeat(300)])).toBe(
      '会话令牌不合法',
    );
  });
});
