import { ipcMain, type Session } from 'electron';
import {
  allowPermission,
  allowPermissionCheck,
  checkPortChoice,
  isRendererOrigin,
  mediaTypeOf,
  mediaTypesOf,
  type SerialPortEntry,
  toChoices,
} from './serial-ports';

const CHOICE_TIMEOUT_MS = 60_000;

/**
 * Web Serial for USB/COM scanners: the permission for our renderer's origin only; a requested
 * port is the only one offered, or the one the user picks in the renderer's own list (validated
 * IPC 'serial-choose'); unanswered requests choose none after a minute.
 */
export function allowSerialPorts(session: Session): void {
  session.setPermissionRequestHandler((_wc, permission, cb, details) =>
    cb(allowPermission(permission, details?.requestingUrl, mediaTypesOf(details))),
  );
  session.setPermissionCheckHandler((_wc, permission, requestingOrigin, details) =>
    allowPermissionCheck(permission, requestingOrigin, mediaTypeOf(details)),
  );
  session.setDevicePermissionHandler(
    (details) => details.deviceType === 'serial' && isRendererOrigin(details.origin),
  );

  let pending: { ports: SerialPortEntry[]; answer(portId: string): void } | null = null;

  session.on('select-serial-port', (event, portList, webContents, callback) => {
    event.preventDefault();
    pending?.answer('');
    if (!isRendererOrigin(webContents.getURL())) {
      callback('');
      return;
    }
    if (portList.length === 1 && portList[0]) {
      callback(portList[0].portId);
      return;
    }
    const timer = setTimeout(() => pending?.answer(''), CHOICE_TIMEOUT_MS);
    pending = {
      ports: portList,
      answer(portId) {
        clearTimeout(timer);
        pending = null;
        callback(portId);
      },
    };
    webContents.send('serial-ports', toChoices(portList));
  });

  ipcMain.handle('serial-choose', (event, answer: unknown) => {
    if (!pending) return false;
    const checked = checkPortChoice(event.senderFrame?.url, pending.ports, answer);
    if (typeof checked === 'string') return false;
    pending.answer(checked.portId);
    return true;
  });
}
