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

/** 'serial' is granted to our renderer only; every other permission keeps its previous answer. */
export function allowPermission(permission: string, requestingUrl: string | undefined): boolean {
  if (permission === 'serial') return isRendererOrigin(requestingUrl);
  return permission === 'media';
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
