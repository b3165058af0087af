/** The parts of the Web Serial API the counter uses (not yet in TypeScript's DOM library). */
export interface SerialPortInfo {
  usbVendorId?: number;
  usbProductId?: number;
}

export interface SerialPortLike {
  open(options: { baudRate: number }): Promise<void>;
  close(): Promise<void>;
  getInfo(): SerialPortInfo;
  readable: ReadableStream<Uint8Array> | null;
}

export interface SerialLike {
  requestPort(options?: { filters?: SerialPortInfo[] }): Promise<SerialPortLike>;
  getPorts(): Promise<SerialPortLike[]>;
}

/** A port offered by the desktop shell's select-serial-port (electron/serial-ports.ts). */
export interface SerialPortChoice {
  portId: string;
  portName: string;
  displayName: string;
}

/** Exposed by electron/preload.ts; absent in browser mode. */
export interface DesktopSerialBridge {
  onPortChoices(listener: (ports: SerialPortChoice[]) => void): () => void;
  choosePort(portId: string | null): Promise<boolean>;
}

export function webSerial(): SerialLike | null {
  const nav = globalThis.navigator as (Navigator & { serial?: SerialLike }) | undefined;
  return nav?.serial ?? null;
}

export function desktopSerial(): DesktopSerialBridge | null {
  return (globalThis as { epcSerial?: DesktopSerialBridge }).epcSerial ?? null;
}
