import { RENDERER_ORIGIN } from './ipc-guard';

/** Web Serial in the desktop shell: only our own renderer may use it, and only a port it chose. */

export interface SerialPortEntry {
  portId: string;
  portName: string;
  displayName?: string;
  vendorId?: string;
  productId?: string;
}

/** What the renderer's own port list shows (electron select-serial-port → our UI). */
export interface SerialPortChoice {
  portId: string;
  portName: string;
  displayName: string;
}

/** True for our renderer's origin or a URL on it (app://renderer, app://renderer/…). */
export function isRendererOrigin(url: string | undefined | null): boolean {
  if (!url) return false;
  return url === RENDERER_ORIGIN || url.startsWith(`${RENDERER_ORIGIN}/`);
}

/** Permissions that only our own renderer may hold (checks and requests alike). */
export const RENDERER_ONLY_PERMISSIONS: ReadonlySet<string> = new Set(['serial', 'media']);

/**
 * 'serial' (COM scanners) and 'media' (the camera that photographs paper prescriptions; video
 * only, never the microphone) are granted to our renderer only; every other request is refused.
 */
export function allowPermission(
  permission: string,
  requestingUrl: string | undefined,
  mediaTypes: readonly string[] = [],
): boolean {
  if (permission === 'media' && mediaTypes.some((t) => t !== 'video')) return false;
  return RENDERER_ONLY_PERMISSIONS.has(permission) && isRendererOrigin(requestingUrl);
}

/**
 * Electron's synchronous permission checks (setPermissionCheckHandler): the same two permissions,
 * for our renderer's origin only; a 'media' check for the microphone is refused. Everything
 * else (notifications, geolocation, clipboard, HID, USB, …) is refused for every origin.
 */
export function allowPermissionCheck(
  permission: string,
  requestingOrigin: string | undefined,
  mediaType?: string,
): boolean {
  if (permission === 'media' && mediaType !== undefined && mediaType !== 'video') return false;
  return RENDERER_ONLY_PERMISSIONS.has(permission) && isRendererOrigin(requestingOrigin);
}

/** The media types of a 'media' permission request (Electron's details object; absent: none). */
export function mediaTypesOf(details: object | undefined): string[] {
  const types = (details as { mediaTypes?: unknown } | undefined)?.mediaTypes;
  return Array.isArray(types) ? types.map(String) : [];
}

/** The media type of a 'media' permission check (Electron's details.mediaType), if given. */
export function mediaTypeOf(details: object | undefined): string | undefined {
  const type = (details as { mediaType?: unknown } | undefined)?.mediaType;
  return typeof type === 'string' ? type : undefined;
}

export function toChoices(ports: readonly SerialPortEntry[]): SerialPortChoice[] {
  return ports.slice(0, 32).map((p) => ({
    portId: p.portId,
    portName: p.portName,
    displayName: p.displayName ?? p.portName,
  }));
}

/**
 * Checks the renderer's answer to a port list: a port id from that very list, or null to choose
 * none. Anything else is refused (the answer crosses IPC and is validated like any input).
 */
export function checkPortChoice(
  senderUrl: string | undefined,
  offered: readonly SerialPortEntry[],
  answer: unknown,
): { portId: string } | { portId: '' } | string {
  if (!isRendererOrigin(senderUrl)) return '拒绝来自非本应用页面的调用';
  if (answer === null) return { portId: '' };
  if (typeof answer !== 'string' || !offered.some((p) => p.portId === answer)) {
    return '串口选择不合法';
  }
  return { portId: answer };
}
