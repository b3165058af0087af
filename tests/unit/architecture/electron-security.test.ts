import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkIpcCall } from '../../../electron/ipc-guard';
import {
  allowPermission,
  allowPermissionCheck,
  checkPortChoice,
  isRendererOrigin,
  mediaTypesOf,
  RENDERER_ONLY_PERMISSIONS,
} from '../../../electron/serial-ports';
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

  it('grants Web Serial (COM scanners) to our renderer only, other permissions as before [ARCH]', () => {
    expect(allowPermission('serial', 'app://renderer/index.html')).toBe(true);
    expect(allowPermission('serial', 'app://renderer')).toBe(true);
    for (const url of [
      'https://evil.example/',
      'app://renderer.evil/',
      'app://rendererx/',
      undefined,
    ]) {
      expect(allowPermission('serial', url), String(url)).toBe(false);
    }
    for (const p of ['geolocation', 'hid', 'usb', 'notifications', 'openExternal']) {
      expect(allowPermission(p, 'app://renderer/index.html'), p).toBe(false);
    }
    expect(isRendererOrigin('app://renderer.evil')).toBe(false);
    const serial = readFileSync(path.join(ROOT, 'electron/serial-session.ts'), 'utf8');
    expect(main).toMatch(/allowSerialPorts\(wc\.session\)/);
    expect(serial).toMatch(
      /setPermissionCheckHandler\([\s\S]*?allowPermissionCheck\(permission, requestingOrigin, mediaTypeOf\(details\)\)/,
    );
    expect(serial).toMatch(/deviceType === 'serial' && isRendererOrigin\(details\.origin\)/);
    expect(serial).toMatch(/select-serial-port[\s\S]*event\.preventDefault\(\)/);
  });

  it('grants the camera (paper-prescription capture) to our renderer only, video without microphone [R-PAPER-KEEP] [ARCH]', () => {
    const own = 'app://renderer/index.html';
    expect(allowPermission('media', own, mediaTypesOf({ mediaTypes: ['video'] }))).toBe(true);
    expect(allowPermission('media', own, mediaTypesOf({ requestingUrl: own }))).toBe(true);
    expect(allowPermission('media', own, mediaTypesOf({ mediaTypes: ['video', 'audio'] }))).toBe(
      false,
    );
    expect(allowPermission('media', own, ['audio'])).toBe(false);
    for (const url of ['https://evil.example/', 'app://renderer.evil/', undefined]) {
      expect(allowPermission('media', url, ['video']), String(url)).toBe(false);
    }
    expect(RENDERER_ONLY_PERMISSIONS.has('media')).toBe(true);
  });

  it('permission checks: only camera (video) and serial, only for our own origin; everything else denied [ARCH]', () => {
    const own = 'app://renderer';
    expect(allowPermissionCheck('serial', own)).toBe(true);
    expect(allowPermissionCheck('media', own, 'video')).toBe(true);
    expect(allowPermissionCheck('media', own, 'audio')).toBe(false);
    for (const p of [
      'notifications',
      'geolocation',
      'clipboard-read',
      'hid',
      'usb',
      'fullscreen',
    ]) {
      expect(allowPermissionCheck(p, own), p).toBe(false);
    }
    for (const origin of ['https://evil.example', 'app://renderer.evil', 'file://', undefined]) {
      expect(allowPermissionCheck('serial', origin), String(origin)).toBe(false);
      expect(allowPermissionCheck('media', origin, 'video'), String(origin)).toBe(false);
    }
  });

  it('takes only a port it offered as the serial port choice, from our renderer [ARCH]', () => {
    const offered = [
      { portId: 'p1', portName: 'COM3' },
      { portId: 'p2', portName: 'COM4' },
    ];
    expect(checkPortChoice('app://renderer/index.html', offered, 'p2')).toEqual({ portId: 'p2' });
    expect(checkPortChoice('app://renderer/index.html', offered, null)).toEqual({ portId: '' });
    expect(checkPortChoice('app://renderer/index.html', offered, 'p9')).toBe('串口选择不合法');
    expect(checkPortChoice('app://renderer/index.html', offered, { portId: 'p1' })).toBe(
      '串口选择不合法',
    );
    expect(checkPortChoice('https://evil.example/', offered, 'p1')).toBe(
      '拒绝来自非本应用页面的调用',
    );
  });

  it('the preload exposes only the API invoke and the serial port choice [ARCH]', () => {
    const preload = readFileSync(path.join(ROOT, 'electron/preload.ts'), 'utf8');
    const exposed = [...preload.matchAll(/exposeInMainWorld\('(\w+)'/g)].map((m) => m[1]);
    expect(exposed).toEqual(['epcDesktop', 'epcSerial']);
    expect(preload).not.toMatch(/require\(|process\.|ipcRenderer\.send\(/);
  });
});
